using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class RoundEndpoints
{
    public static void MapRoundEndpoints(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup("/api/rounds").WithTags("巡察轮次");
        rounds.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListRoundsQuery(), ct))
            .Doc("巡察轮次列表，含事项数和已销号数", changes: false, hasTarget: false);
        rounds.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetRoundQuery(id), ct))
            .Doc("巡察轮次详情及其方面", changes: false);
        rounds.MapGet("/{id:guid}/figures", (Guid id, DateOnly? asOf, IMediator m, CancellationToken ct) => m.Send(new GetRoundFiguresQuery(id, asOf), ct))
            .Doc("截至某日（asOf，默认今天）的整改统计：方面、问题、事项、措施、已完成、阶段性完成、立行立改、信访件、已销号、超期、整改完成率、按期完成率及统计语句，按当日的历史记录计算", changes: false);
        rounds.MapPost("/", async (CreateRoundCommand command, IMediator m, CancellationToken ct) =>
            {
                var saved = await m.Send(command, ct);
                return Results.Created($"/api/rounds/{saved.Id}", saved);
            })
            .Doc("新建巡察轮次（可同时按顺序列出方面）", hasTarget: false);
        rounds.MapPut("/{id:guid}", (Guid id, UpdateRoundCommand command, IMediator m, CancellationToken ct) =>
                m.Send(command with { Id = id }, ct))
            .Doc("修改巡察轮次信息");
        rounds.MapPost("/{id:guid}/aspects", (Guid id, AddAspectCommand command, IMediator m, CancellationToken ct) =>
                m.Send(command with { RoundId = id }, ct))
            .Doc("新增方面（可指定位置，其后方面顺延）");
        rounds.MapPut("/{id:guid}/aspects/{aspectId:guid}", (Guid id, Guid aspectId, RenameAspectCommand command, IMediator m, CancellationToken ct) =>
                m.Send(command with { RoundId = id, AspectId = aspectId }, ct))
            .Doc("修改方面标题");
        rounds.MapPost("/{id:guid}/items", async (Guid id, CreateItemCommand command, IMediator m, CancellationToken ct) =>
            {
                var state = await m.Send(command with { RoundId = id }, ct);
                return Results.Created($"/api/items/{state.Id}", state);
            })
            .WithTags("整改事项")
            .Doc("在巡察轮次下登记问题（不填序号则取下一个序号）");
    }
}
