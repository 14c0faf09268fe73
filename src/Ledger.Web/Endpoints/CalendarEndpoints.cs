using Ledger.Application.Calendar;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/calendar").WithTags("工作日历");
        calendar.MapGet("/", (int? year, IMediator m, CancellationToken ct) => m.Send(new GetCalendarYearQuery(year), ct))
            .Doc("某年的放假和调休上班日（默认今年）：工作日按此计算，未列出的日期周一至周五上班", changes: false, hasTarget: false);
        calendar.MapPut("/{date}", (DateOnly date, SetCalendarDayCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Date = date }, ct))
            .Doc("设置某日为放假（Holiday）或调休上班（Workday），或修改已有安排（系统管理员；已有安排须带 version）", hasTarget: false);
        calendar.MapDelete("/{date}", async (DateOnly date, Guid version, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteCalendarDayCommand(date, version), ct);
                return Results.NoContent();
            })
            .Doc("删除某日的放假或调休安排，该日恢复按星期计算（系统管理员）");
    }
}
