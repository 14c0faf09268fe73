using Ledger.Application.Items;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class MyWorkEndpoints
{
    public static void MapMyWorkEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/my-work", (int? dueSoonWorkingDays, bool? countOnly, IMediator m, CancellationToken ct) =>
                m.Send(new ListMyWorkQuery(dueSoonWorkingDays, countOnly ?? false), ct))
            .WithTags("整改事项")
            .Doc(
                "我的待办：按角色和范围列出要办的事项。部门：待签收、待报送进展、已超期、即将到期（dueSoonWorkingDays 个工作日内，不填按整改办的临期设置）、待补佐证材料、被退回的申请；整改办：待审核的销号申请、待分工的事项；领导：待审批的销号和延期申请、分管的超期事项。每组最多50条并给出总数；itemCount 为待办事项数（一项在多组中只计一次），countOnly=true 时只给出该数",
                changes: false,
                hasTarget: false)
            .Produces<MyWorkDto>();
}
