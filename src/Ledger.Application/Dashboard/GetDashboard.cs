using System.Linq.Expressions;
using FluentValidation;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Domain.Calendar;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Dashboard;

/// <summary>
/// 领导看板 of one round, or of every round the user sees, today in China. The totals are the round figures'
/// (<see cref="ItemFigures"/>), read for today from the items' current columns (<see cref="FiguresToday"/>) rather than
/// replayed from history, which gives the same counts for today at a fraction of the cost; every list and count of overdue or due items is a ledger
/// filter (<see cref="ListItemsQuery"/>), so a figure and the ledger it links to always hold the same items. Department
/// heads see their department's items (<see cref="ItemAccess"/>); their staff work from the ledger instead.
/// </summary>
/// <param name="DueSoonWorkingDays">
/// 黄: open items due within this many working days; null (the default) for the office's 临期 threshold, as the ledger's
/// traffic light.
/// </param>
[Allowed(Roles.Office, Roles.Leader, Roles.Supervisor, Roles.Admin, Roles.DepartmentHead)]
public sealed record GetDashboardQuery(Guid? RoundId = null, int? DueSoonWorkingDays = null) : IQuery<DashboardDto>
{
    /// <summary>The next two weeks, counted as 10 working days from today (holidays and 调休 as the calendar has them).</summary>
    public const int UpcomingWorkingDays = 10;

    /// <summary>Rows of the overdue and upcoming lists: a screenful; the ledger shows the rest.</summary>
    public const int ListLength = 50;

    public const int Weeks = 12;

    /// <summary>The aging buckets, in working days overdue: up to 5, 6 to 20, over 20.</summary>
    public static readonly IReadOnlyList<(int? From, int? To)> AgingBuckets = [(null, 5), (6, 20), (21, null)];
}

internal sealed class GetDashboardQueryValidator : AbstractValidator<GetDashboardQuery>
{
    public GetDashboardQueryValidator() => DashboardScope.Rules(this, x => x.RoundId, x => x.DueSoonWorkingDays);
}

/// <summary>What every part of the dashboard reads: the items the user sees, of one round or of all.</summary>
internal static class DashboardScope
{
    public static void Rules<T>(AbstractValidator<T> validator, Expression<Func<T, Guid?>> roundId, Expression<Func<T, int?>> dueSoonWorkingDays)
    {
        validator.RuleFor(roundId).NotEqual(Guid.Empty);
        validator.RuleFor(dueSoonWorkingDays).InclusiveBetween(0, 60);
    }

    /// <summary>The user's items of <paramref name="roundId"/>, or of every round for null; a round that is not there is not found.</summary>
    public static async Task<IQueryable<RectificationItem>> ItemsAsync(ILedgerDbContext db, RequestContext context, Guid? roundId, CancellationToken cancellationToken)
    {
        var items = db.Items.AsNoTracking().VisibleTo(context.User);
        if (roundId is not { } id)
        {
            return items;
        }

        if (!await db.Rounds.AnyAsync(r => r.Id == id, cancellationToken))
        {
            throw new NotFoundException("巡察轮次");
        }

        return items.Where(i => i.RoundId == id);
    }
}

internal sealed class GetDashboardQueryHandler(ILedgerDbContext db, RequestContext context, WorkingCalendars calendars)
    : IRequestHandler<GetDashboardQuery, DashboardDto>
{
    public async Task<DashboardDto> Handle(GetDashboardQuery request, CancellationToken cancellationToken)
    {
        var clock = await ItemClock.ReadAsync(db, context, calendars, cancellationToken, request.DueSoonWorkingDays);
        var today = clock.Today;
        var items = await DashboardScope.ItemsAsync(db, context, request.RoundId, cancellationToken);

        IQueryable<RectificationItem> Ledger(ListItemsQuery filter) => ListItemsQueryHandler.Filter(items, filter, clock);

        var figures = await FiguresToday.ByRoundAsync(items, today, cancellationToken);
        var overdue = await CountByDepartmentAsync(Ledger(new ListItemsQuery { Overdue = true }), cancellationToken);
        var dueSoon = await CountByDepartmentAsync(Ledger(new ListItemsQuery { DueWithinDays = clock.DueSoonWorkingDays }), cancellationToken);
        var aging = new List<AgingBucketDto>();
        foreach (var (from, to) in GetDashboardQuery.AgingBuckets)
        {
            var count = await Ledger(new ListItemsQuery { OverdueWorkingDaysFrom = from, OverdueWorkingDaysTo = to }).CountAsync(cancellationToken);
            aging.Add(new AgingBucketDto(from, to, count));
        }

        var upcoming = new ListItemsQuery { DueWithinDays = GetDashboardQuery.UpcomingWorkingDays, Sort = ItemSort.Deadline };
        return new DashboardDto(
            today,
            request.RoundId,
            clock.DueSoonWorkingDays,
            ItemFigures.Sum(figures.Values),
            await RoundsAsync(figures, request.RoundId, cancellationToken),
            await DepartmentsAsync(overdue, dueSoon, cancellationToken),
            aging,
            await OverdueListAsync(Ledger(new ListItemsQuery { Overdue = true }), overdue.Values.Sum(), clock, cancellationToken),
            new DashboardList<UpcomingItemDto>(
                await Ledger(upcoming).CountAsync(cancellationToken),
                (await RowsAsync(Ledger(upcoming), clock, cancellationToken)).ConvertAll(r => new UpcomingItemDto(
                    r.Id, r.RoundId, r.Kind, r.Number, r.RoundTag, r.Title, r.StatusText, r.LeadDepartmentName, r.ResponsiblePersonName, r.DueDate!.Value, r.WorkingDaysLeft!.Value))),
            await TrendAsync(items, figures.Values.Sum(f => f.Total - f.ClosedOut), today, cancellationToken),
            await Ledger(new ListItemsQuery { MovedOutOfOverdue = true }).CountAsync(cancellationToken));
    }

    private static async Task<Dictionary<Guid, int>> CountByDepartmentAsync(IQueryable<RectificationItem> items, CancellationToken cancellationToken) =>
        (await items.GroupBy(i => i.LeadDepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key ?? Guid.Empty, g => g.Count);

    private async Task<List<RoundTotalsDto>> RoundsAsync(Dictionary<Guid, ItemFigures> figures, Guid? roundId, CancellationToken cancellationToken)
    {
        var ids = figures.Keys.Append(roundId ?? Guid.Empty).Distinct().ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.InspectingTeam, r.InspectedUnit, r.FeedbackDate })
            .ToListAsync(cancellationToken);
        return [.. rounds
            .OrderByDescending(r => r.FeedbackDate).ThenBy(r => r.InspectingTeam, StringComparer.Ordinal)
            .Select(r => new RoundTotalsDto(r.Id, r.InspectingTeam, r.InspectedUnit, r.FeedbackDate, figures.GetValueOrDefault(r.Id) ?? ItemFigures.Sum([])))];
    }

    private async Task<List<DepartmentWarningsDto>> DepartmentsAsync(Dictionary<Guid, int> overdue, Dictionary<Guid, int> dueSoon, CancellationToken cancellationToken)
    {
        var ids = overdue.Keys.Union(dueSoon.Keys).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return [.. ids
            .Select(id => new DepartmentWarningsDto(
                id == Guid.Empty ? null : id,
                names.GetValueOrDefault(id, "未定牵头部门"),
                overdue.GetValueOrDefault(id),
                dueSoon.GetValueOrDefault(id)))
            .OrderByDescending(d => d.Overdue).ThenByDescending(d => d.DueSoon).ThenBy(d => d.DepartmentName, StringComparer.Ordinal)];
    }

    /// <summary>The most overdue first: the earliest deadline is the most working days behind, so the ledger's deadline order serves.</summary>
    private async Task<DashboardList<OverdueItemDto>> OverdueListAsync(
        IQueryable<RectificationItem> overdue, int total, ItemClock clock, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(overdue, clock, cancellationToken);
        return new(total, rows.ConvertAll(r => new OverdueItemDto(
            r.Id,
            r.RoundId,
            r.Kind,
            r.Number,
            r.RoundTag,
            r.Title,
            r.StatusText,
            r.LeadDepartmentId,
            r.LeadDepartmentName,
            r.ResponsiblePersonName,
            r.OriginalDueDate ?? r.DueDate!.Value,
            r.DueDate!.Value,
            -r.WorkingDaysLeft!.Value,
            r.RemindersSent)));
    }

    /// <summary>The first rows in deadline order, as the ledger lists them: ids first, so names and counts are read for those rows only.</summary>
    private async Task<List<ItemListDto>> RowsAsync(IQueryable<RectificationItem> items, ItemClock clock, CancellationToken cancellationToken)
    {
        var order = new ListItemsQuery { Sort = ItemSort.Deadline };
        var ids = await ListItemsQueryHandler.Sort(items, order).Take(GetDashboardQuery.ListLength).Select(i => i.Id).ToListAsync(cancellationToken);
        return await ListItemsQueryHandler.RowsAsync(db, ids, clock, cancellationToken);
    }

    /// <summary>
    /// The last <see cref="GetDashboardQuery.Weeks"/> weeks from what was recorded when (docs/adr/0010), walked back from
    /// today's count of items not closed out: an item created after a week's end was not yet there, and each entry into
    /// 已销号 after it was then still to come (each exit, a close-out still standing). So only what was recorded in
    /// these weeks is read, however long the ledger's history. An item enters and leaves 已销号 in turn, so entries less
    /// exits count the items standing closed without following each item.
    /// </summary>
    private static async Task<List<WeekTrendDto>> TrendAsync(IQueryable<RectificationItem> items, int notClosedOut, DateOnly today, CancellationToken cancellationToken)
    {
        // A constant, so the statements say the very filters of the history's close-out indexes.
        const string closedOut = nameof(ItemStatus.ClosedOut);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstMonday = thisMonday.AddDays(-7 * (GetDashboardQuery.Weeks - 1));
        var since = ChinaCalendar.StartOf(firstMonday);
        var created = await items.Where(i => i.CreatedAt >= since).Select(i => i.CreatedAt).ToListAsync(cancellationToken);
        var statusMoves = items.SelectMany(i => i.History).Where(h => h.Change == ItemChange.StatusChanged && h.At >= since);
        var entries = await statusMoves.Where(h => h.To == closedOut).Select(h => new { h.ItemId, h.At }).ToListAsync(cancellationToken);
        var exits = await statusMoves.Where(h => h.From == closedOut).Select(h => h.At).ToListAsync(cancellationToken);

        var weeks = new List<WeekTrendDto>(GetDashboardQuery.Weeks);
        for (var monday = firstMonday; monday <= thisMonday; monday = monday.AddDays(7))
        {
            var weekEnd = monday.AddDays(6) < today ? monday.AddDays(6) : today;
            var (start, stop) = (ChinaCalendar.StartOf(monday), ChinaCalendar.StartOf(weekEnd.AddDays(1)));
            var open = notClosedOut - created.Count(at => at >= stop) + entries.Count(e => e.At >= stop) - exits.Count(at => at >= stop);
            var closedInWeek = entries.Where(e => e.At >= start && e.At < stop).Select(e => e.ItemId).Distinct().Count();
            weeks.Add(new WeekTrendDto(monday, weekEnd, open, closedInWeek));
        }

        return weeks;
    }
}
