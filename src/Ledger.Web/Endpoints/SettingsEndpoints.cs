using Ledger.Application.Settings;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings").WithTags("流程设置");
        settings.MapGet("/workflow", (IMediator m, CancellationToken ct) => m.Send(new GetWorkflowSettingsQuery(), ct))
            .Doc("流程设置：是否所有领导均可审批、每个事项最多延期次数", changes: false, hasTarget: false);
        settings.MapPut("/workflow", (UpdateWorkflowSettingsCommand c, IMediator m, CancellationToken ct) => m.Send(c, ct))
            .Doc("修改流程设置（整改办）", hasTarget: false);
    }
}
