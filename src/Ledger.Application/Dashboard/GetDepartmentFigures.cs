using FluentValidation;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Dashboard;

/// <summary>
/// 各牵头部门整改情况 today: per lead department its items, 完成 and 按期 as the round figures count them
/// (<see cref="ItemFigures"/>: 整改完成率 = 完成 ÷ 事项, 按期完成率 = 按期销号 ÷ 到期应完成), and its open items by warning
/// light (<see cref="DeadlineWarnings"/>) — 红 超期, 黄 due within <see cref="DueSoonWorkingDays"/> working days (null: the
/// office's 临期 threshold), 绿 on schedule. Long-term open items and those without a deadline are 灰 and have no light. Each light is the ledger's filter
/// (<see cref="ListItemsQuery.Overdue"/>, <see cref="ListItemsQuery.DueWithinDays"/>), so a count opens the items it counts.
/// </summary>
[Allowed(Roles.Office, Roles.Leader, Roles.Supervisor, Roles.Admin, Roles.DepartmentHead)]
public sealed record GetDepartmentFiguresQuery(Guid? RoundId = null, int? DueSoonWorkingDays = null)
    : IQuery<IReadOnlyList<DepartmentFiguresDto>>;

/// <param name="DepartmentId">Null for the items no lead department has been given yet.</param>
/// <param name="Completed">完成: 已完成, 销号申请中 and 已销号.</param>
/// <param name="Due">到期应完成: the deadline has come, or the item is closed out whatever its deadline.</param>
/// <param name="ClosedOnTime">按期销号: closed out, not after its deadline.</param>
/// <param name="Red">超期.</param>
/// <param name="Yellow">临期: open, due within the query's working days.</param>
/// <param name="Green">Open, on schedule: due later.</param>
public sealed record DepartmentFiguresDto(
    Guid? DepartmentId, string DepartmentName, int Total, int Completed, int Due, int ClosedOnTime, int Red, int Yellow, int Green)
{
    /// <summary>整改完成率 in percent to one decimal, as <see cref="ItemFigures.CompletionRate"/>.</summary>
    public decimal? CompletionRate => ItemFigures.Percent(Completed, Total);

    /// <summary>按期完成率 in percent to one decimal, as <see cref="ItemFigures.OnTimeRate"/>; null while nothing is due.</summary>
    public decimal? OnTimeRate => ItemFigures.Percent(ClosedOnTime, Due);
}

internal sealed class GetDepartmentFiguresQueryValidator : AbstractValidator<GetDepartmentFiguresQuery>
{
    public GetDepartmentFiguresQueryValidator() => DashboardScope.Rules(this, x => x.RoundId, x => x.DueSoonWorkingDays);
}

internal sealed class GetDepartmentFiguresQueryHandler(ILedgerDbContext db, RequestContext context, WorkingCalendars calendars)
    : IRequestHandler<GetDepartmentFiguresQuery, IReadOnlyList<DepartmentFiguresDto>>
{
    public async Task<IReadOnlyList<DepartmentFiguresDto>> Handle(GetDepartmentFiguresQuery request, CancellationToken cancellationToken)
    {
        var clock = await ItemClock.ReadAsync(db, context, calendars, cancellationToken, request.DueSoonWorkingDays);
        var today = clock.Today;
        var yellowEnd = clock.DueSoonEnd;
        var unwatched = DeadlineWarnings.Unwatched;
        var items = await DashboardScope.ItemsAsync(db, context, request.RoundId, cancellationToken);
        var settled = ItemLifecycle.FirstSettled;
        var rows = await items
            .GroupBy(i => i.LeadDepartmentId)
            .Select(g => new
            {
                g.Key,
                Total = g.Count(),
                Completed = g.Count(i => i.Status >= settled),
                Due = g.Count(i => i.Status == ItemStatus.ClosedOut || i.DeadlineKey <= today),
                ClosedOnTime = g.Count(i => i.Status == ItemStatus.ClosedOut && !i.ClosedLate),
                Red = g.Count(i => i.Status < settled && i.DeadlineKey < today),
                Yellow = g.Count(i => i.Status < settled && i.DeadlineKey >= today && i.DeadlineKey < yellowEnd),
                Green = g.Count(i => i.Status < settled && i.DeadlineKey >= yellowEnd && i.DeadlineKey < unwatched),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Where(r => r.Key is not null).Select(r => r.Key!.Value).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return [.. rows
            .Select(r => new DepartmentFiguresDto(
                r.Key, r.Key is { } id ? names.GetValueOrDefault(id, "（已删除的部门）") : "未定牵头部门", r.Total, r.Completed, r.Due, r.ClosedOnTime, r.Red, r.Yellow, r.Green))
            .OrderBy(d => d.DepartmentId is null).ThenBy(d => d.DepartmentName, ChineseOrder.Names)];
    }
}
