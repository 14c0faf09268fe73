using Ledger.Application.Dashboard;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", (Guid? roundId, int? dueSoonDays, IMediator m, CancellationToken ct) =>
                m.Send(new GetDashboardQuery(roundId, dueSoonDays), ct))
            .WithTags("领导看板")
            .Doc("领导看板（roundId 不填为可见的全部轮次）：各轮次及合计的事项数、已完成、阶段性完成、整改中、未启动、超期、已销号、整改完成率、按期完成率；各牵头部门超期（红）和 dueSoonDays 个工作日内到期（黄，不填按整改办的临期设置）的事项数；超期清单及超期工作日分段；今后10个工作日内到期的事项；近12周每周末未销号和当周销号的事项数", changes: false);
        app.MapGet("/api/dashboard/departments", (Guid? roundId, int? dueSoonDays, IMediator m, CancellationToken ct) =>
                m.Send(new GetDepartmentFiguresQuery(roundId, dueSoonDays), ct))
            .WithTags("领导看板")
            .Doc("各牵头部门整改情况（roundId 不填为可见的全部轮次）：事项数、已完成、整改完成率（已完成÷事项）、按期完成率（按期销号÷到期应完成）；未完成事项的预警：红（超期）、黄（dueSoonDays 个工作日内到期，不填按整改办的临期设置）、绿（其余有时限的；长期坚持和未定时限的不计）", changes: false);
    }
}
