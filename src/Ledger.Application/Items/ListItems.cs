using FluentValidation;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Calendar;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

public enum ItemSort
{
    Number,
    Deadline,
    Status,
    Updated,
}

/// <summary>
/// 台账: items matching every given filter, one page at a time. <see cref="Overdue"/> and
/// <see cref="DueWithinDays"/> are judged against today's date in China; days left are counted in working days of the
/// stored calendar (holidays and 调休 included).
/// </summary>
[Allowed(Roles.Anyone)]
public sealed record ListItemsQuery : IPagedQuery, IQuery<PagedResult<ItemListDto>>
{
    public Guid? RoundId { get; init; }

    public Guid? AspectId { get; init; }

    public IReadOnlyList<ItemStatus>? Statuses { get; init; }

    public ItemKind? Kind { get; init; }

    public Guid? LeadDepartmentId { get; init; }

    public Guid? ResponsibleLeaderId { get; init; }

    public bool? Overdue { get; init; }

    /// <summary>True: 未签收, open items their lead department has not acknowledged yet.</summary>
    public bool? AwaitingAcknowledgement { get; init; }

    /// <summary>True: 待分工, open items without a lead department, a responsible leader or a deadline (长期坚持 is one).</summary>
    public bool? Unassigned { get; init; }

    /// <summary>
    /// True: 因调整时限退出超期, open items that were overdue at their 原定时限 and are not now only because the deadline
    /// moved (by 延期 or 责任分工), read from the item's columns as they stand today.
    /// </summary>
    public bool? MovedOutOfOverdue { get; init; }

    /// <summary>
    /// Open items due within N working days: the deadline is today or later and at most N working days away
    /// (<see cref="ItemListDto.WorkingDaysLeft"/> from 0 to N). Days off right after the N-th working day count with it,
    /// so a deadline on the weekend after it, which has the same working days left, is not left out.
    /// </summary>
    public int? DueWithinDays { get; init; }

    /// <summary>
    /// Overdue items at least this many working days overdue (<c>WorkingDaysBetween(deadline, today)</c>, i.e.
    /// −<see cref="ItemListDto.WorkingDaysLeft"/>); with <see cref="OverdueWorkingDaysTo"/>, the dashboard's aging
    /// buckets. Either bound alone already means overdue.
    /// </summary>
    public int? OverdueWorkingDaysFrom { get; init; }

    /// <summary>Overdue items at most this many working days overdue; see <see cref="OverdueWorkingDaysFrom"/>.</summary>
    public int? OverdueWorkingDaysTo { get; init; }

    /// <summary>
    /// Items that entered 已销号 on or after this day (China's), as their history records it: the dashboard's weekly
    /// 当周销号, so an item reopened since (回头看) still counts for the week it was closed out.
    /// </summary>
    public DateOnly? ClosedOutFrom { get; init; }

    /// <summary>Inclusive; see <see cref="ClosedOutFrom"/>.</summary>
    public DateOnly? ClosedOutTo { get; init; }

    public string? Keyword { get; init; }

    public ItemSort Sort { get; init; } = ItemSort.Number;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

internal sealed class ListItemsQueryValidator : AbstractValidator<ListItemsQuery>
{
    public const int MaxPageSize = 200;

    public ListItemsQueryValidator()
    {
        RuleForEach(x => x.Statuses).IsInEnum();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.DueWithinDays).InclusiveBetween(0, 3660);
        RuleFor(x => x.OverdueWorkingDaysFrom).InclusiveBetween(0, 3660);
        RuleFor(x => x.OverdueWorkingDaysTo).InclusiveBetween(0, 3660);
        RuleFor(x => x.OverdueWorkingDaysTo).GreaterThanOrEqualTo(x => x.OverdueWorkingDaysFrom)
            .When(x => x.OverdueWorkingDaysFrom is not null).WithMessage("超期工作日的上限不能小于下限。");
        RuleFor(x => x.ClosedOutTo).GreaterThanOrEqualTo(x => x.ClosedOutFrom)
            .When(x => x.ClosedOutFrom is not null).WithMessage("销号日期的结束日期不能早于开始日期。");
        RuleFor(x => x.Keyword).MaximumLength(100);
        Include(new PageRules<ListItemsQuery>(MaxPageSize));
    }
}

internal sealed class ListItemsQueryHandler(ILedgerDbContext db, RequestContext context, WorkingCalendars calendars)
    : IRequestHandler<ListItemsQuery, PagedResult<ItemListDto>>
{
    public async Task<PagedResult<ItemListDto>> Handle(ListItemsQuery request, CancellationToken cancellationToken)
    {
        var clock = await ItemClock.ReadAsync(db, context, calendars, cancellationToken);
        var items = Filter(db, db.Items.AsNoTracking().VisibleTo(context.User), request, clock);
        return await PageAsync(db, items, request, clock, cancellationToken);
    }

    /// <summary>The page <paramref name="request"/> names of <paramref name="items"/>, in its order, with the total.</summary>
    internal static async Task<PagedResult<ItemListDto>> PageAsync(
        ILedgerDbContext db, IQueryable<RectificationItem> items, ListItemsQuery request, ItemClock clock, CancellationToken cancellationToken)
    {
        var total = await items.CountAsync(cancellationToken);

        // The page's ids are read first, walking an index in the sort's order, so names and measure counts are looked up
        // for those rows only; the rows then come back in the ids' order.
        var pageIds = await Sort(items, request)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, pageIds, clock, cancellationToken);
        return new PagedResult<ItemListDto>(rows, total, request.Page, request.PageSize);
    }

    /// <summary>The rows of <paramref name="ids"/> as lists show them, in the order of <paramref name="ids"/>.</summary>
    internal static async Task<List<ItemListDto>> RowsAsync(ILedgerDbContext db, List<Guid> ids, ItemClock clock, CancellationToken cancellationToken)
    {
        var rows = (await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).SelectRows(db).ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
        return ids.ConvertAll(id => rows[id].ToDto(clock));
    }

    /// <summary>The items of <paramref name="items"/> that <paramref name="q"/> asks for, its keyword included.</summary>
    internal static IQueryable<RectificationItem> Filter(ILedgerDbContext db, IQueryable<RectificationItem> items, ListItemsQuery q, ItemClock clock) =>
        string.IsNullOrWhiteSpace(q.Keyword)
            ? Filter(items, q, clock)
            : Filter(items, q with { Keyword = null }, clock).Matching(db.ItemSearchEntries, q.Keyword);

    /// <summary>
    /// The filters that need nothing but the items; a keyword needs the search index too, so a query with one is refused
    /// here rather than answered without it.
    /// </summary>
    internal static IQueryable<RectificationItem> Filter(IQueryable<RectificationItem> items, ListItemsQuery q, ItemClock clock)
    {
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            throw new InvalidOperationException("A keyword is searched through the index: filter with the context.");
        }

        var (today, calendar) = (clock.Today, clock.Calendar);
        if (q.RoundId is { } roundId)
        {
            items = items.Where(i => i.RoundId == roundId);
        }

        if (q.AspectId is { } aspectId)
        {
            items = items.Where(i => i.AspectId == aspectId);
        }

        // Open statuses are also said in the open-items indexes' own words, so such a list reads one of them in its
        // sort's order; every open status at once is just that.
        if (q.Statuses is { Count: > 0 } statuses)
        {
            var open = statuses.Where(s => s < ItemLifecycle.FirstSettled).Distinct().Count();
            if (open < statuses.Count || open < (int)ItemLifecycle.FirstSettled)
            {
                items = items.Where(i => statuses.Contains(i.Status));
            }

            if (open == statuses.Count)
            {
                items = items.Where(i => i.Status < ItemLifecycle.FirstSettled);
            }
        }

        if (q.Kind is { } kind)
        {
            items = items.Where(i => i.Kind == kind);
        }

        if (q.LeadDepartmentId is { } departmentId)
        {
            items = items.Where(i => i.LeadDepartmentId == departmentId);
        }

        if (q.ResponsibleLeaderId is { } leaderId)
        {
            items = items.Where(i => i.ResponsibleLeaderId == leaderId);
        }

        if (q.Overdue == true)
        {
            items = items.Where(DeadlineWarnings.OverdueOn(today));
        }
        else if (q.Overdue == false)
        {
            items = items.Where(DeadlineWarnings.NotOverdueOn(today));
        }

        if (q.AwaitingAcknowledgement is { } awaiting)
        {
            items = awaiting
                ? items.Where(i => i.LeadDepartmentId != null && i.AcknowledgedAt == null && i.Status < ItemLifecycle.FirstSettled)
                : items.Where(i => !(i.LeadDepartmentId != null && i.AcknowledgedAt == null && i.Status < ItemLifecycle.FirstSettled));
        }

        if (q.Unassigned == true)
        {
            items = items.Where(i => i.Status < ItemLifecycle.FirstSettled
                && (i.LeadDepartmentId == null || i.ResponsibleLeaderId == null || (i.DueDate == null && !i.IsLongTerm)));
        }

        if (q.MovedOutOfOverdue == true)
        {
            // Open, past the first deadline, and not overdue now by the one overdue rule: the deadline moved it out.
            items = items.Where(i => i.Status < ItemLifecycle.FirstSettled && i.OriginalDueDate < today).Where(DeadlineWarnings.NotOverdueOn(today));
        }

        if (q.DueWithinDays is { } days)
        {
            items = items.Where(DeadlineWarnings.DueBetween(today, DeadlineWarnings.DueSoonEnd(calendar, today, days)));
        }

        // Working days overdue grow as the deadline moves back, so each bound is a date: the deadline index serves it.
        // Today and the last working day before it have counted the same working days, so counting back starts there.
        if (q.OverdueWorkingDaysFrom is not null || q.OverdueWorkingDaysTo is not null)
        {
            items = items.Where(DeadlineWarnings.OverdueOn(today));
            var lastWorkingDay = calendar.WorkingDayOnOrBefore(today);
            if (q.OverdueWorkingDaysFrom is { } from and > 0)
            {
                var before = calendar.AddWorkingDays(lastWorkingDay, 1 - from);
                items = items.Where(i => i.DeadlineKey < before);
            }

            if (q.OverdueWorkingDaysTo is { } to)
            {
                var onOrAfter = calendar.AddWorkingDays(lastWorkingDay, -to);
                items = items.Where(i => i.DeadlineKey >= onOrAfter);
            }
        }

        if (q.ClosedOutFrom is not null || q.ClosedOutTo is not null)
        {
            var closedOut = nameof(ItemStatus.ClosedOut);
            DateTime? start = q.ClosedOutFrom is { } from ? ChinaCalendar.StartOf(from) : null;
            DateTime? stop = q.ClosedOutTo is { } to ? ChinaCalendar.StartOf(to.AddDays(1)) : null;
            items = items.Where(i => i.History.Any(h =>
                h.Change == ItemChange.StatusChanged && h.To == closedOut && (start == null || h.At >= start) && (stop == null || h.At < stop)));
        }

        return items;
    }

    internal static IOrderedQueryable<RectificationItem> Sort(IQueryable<RectificationItem> items, ListItemsQuery q)
    {
        var sorted = (q.Sort, q.Descending) switch
        {
            // Items without a watched deadline go last either way: they are the least urgent and the least known. Their key
            // is the last date, so one index serves the ascending order; descending, only a filter that leaves them out
            // (overdue, due within, working days overdue) reads the index backwards, the rest sort them after.
            (ItemSort.Deadline, false) => items.OrderBy(i => i.DeadlineKey),
            (ItemSort.Deadline, true) when WatchedOnly(q) => items.OrderByDescending(i => i.DeadlineKey),
            (ItemSort.Deadline, true) => items.OrderBy(i => i.DeadlineKey == DeadlineWarnings.Unwatched).ThenByDescending(i => i.DeadlineKey),
            (ItemSort.Status, false) => items.OrderBy(i => i.Status),
            (ItemSort.Status, true) => items.OrderByDescending(i => i.Status),
            (ItemSort.Updated, false) => items.OrderBy(i => i.UpdatedAt),
            (ItemSort.Updated, true) => items.OrderByDescending(i => i.UpdatedAt),
            (_, false) => items.OrderBy(i => i.RoundId).ThenBy(i => i.Kind).ThenBy(i => i.Number),
            (_, true) => items.OrderByDescending(i => i.RoundId).ThenByDescending(i => i.Kind).ThenByDescending(i => i.Number),
        };

        // A stable tie-break so paging never shows a row twice or skips one; it runs the same way as
        // the sort so that one index can serve both.
        return q.Descending ? sorted.ThenByDescending(i => i.Id) : sorted.ThenBy(i => i.Id);
    }

    private static bool WatchedOnly(ListItemsQuery q) =>
        q.Overdue == true || q.DueWithinDays is not null || q.OverdueWorkingDaysFrom is not null || q.OverdueWorkingDaysTo is not null;
}
