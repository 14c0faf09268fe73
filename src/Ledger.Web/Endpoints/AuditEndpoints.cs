using Ledger.Application.Auditing;
using Ledger.Infrastructure.Spreadsheets;
using Ledger.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Web.Endpoints;

internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("审计记录");
        audit.MapGet("/", ([AsParameters] AuditQueryString filter, IMediator m, CancellationToken ct) => m.Send(filter.ToQuery(), ct))
            .Doc("审计记录（纪检监察、整改办、系统管理员）：按操作人（姓名或账号 actorId）、对象（如事项编号）、操作、时限调整（deadlineChanges=true）、日期范围查询，最新在前；对象和变更内容中的编号附名称", changes: false, hasTarget: false);
        audit.MapGet("/export", async ([AsParameters] AuditQueryString filter, TimeProvider clock, IMediator m, CancellationToken ct) =>
            {
                var sheet = await m.Send(new ExportAuditRecordsQuery(filter.ToQuery()), ct);
                using var buffer = new MemoryStream();
                await AuditWorkbook.WriteAsync(sheet, buffer, ct);
                return Results.File(buffer.ToArray(), Workbook.ContentType, AuditWorkbook.FileName(Domain.Common.ChinaCalendar.Now(clock)));
            })
            .Doc("导出审计记录 Excel（与查询相同的筛选，按时间先后，不分页，最多 10 万条）", changes: false, hasTarget: false)
            .Produces(StatusCodes.Status200OK, contentType: Workbook.ContentType);
    }

    internal sealed record AuditQueryString(
        [FromQuery] string? Actor, [FromQuery] Guid? ActorId, [FromQuery] Guid? EntityId, [FromQuery] string? Action, [FromQuery] bool? DeadlineChanges, [FromQuery] DateOnly? From, [FromQuery] DateOnly? To, int? Page, int? PageSize)
    {
        public ListAuditRecordsQuery ToQuery() => new()
        {
            Actor = Actor,
            ActorId = ActorId,
            EntityId = EntityId,
            Action = Action,
            DeadlineChanges = DeadlineChanges,
            From = From,
            To = To,
            Page = Page ?? 1,
            PageSize = PageSize ?? 50,
        };
    }
}
