using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reports;

/// <summary>
/// An item as the ledger had recorded it by the end of <see cref="Date"/> (24:00 in Beijing): its status, its deadline and
/// its close-out then, whatever happened to it since.
/// </summary>
/// <param name="ClosedOutOn">The China date of the close-out the item stood in on <see cref="Date"/>; null unless <see cref="Status"/> is 已销号.</param>
/// <param name="Measures">整改措施 added by then (measures are never removed).</param>
public sealed record ItemOnDate(
    Guid Id,
    Guid RoundId,
    Guid AspectId,
    ItemKind Kind,
    int Number,
    DateOnly Date,
    ItemStatus Status,
    Deadline Deadline,
    DateOnly? ClosedOutOn,
    int Measures)
{
    /// <summary>完成: 已完成, and the close-out steps after it.</summary>
    public bool IsCompleted => Status >= ItemLifecycle.FirstSettled;

    public bool IsClosedOut => Status == ItemStatus.ClosedOut;

    /// <summary>超期 on <see cref="Date"/>, by the deadline in force that day.</summary>
    public bool IsOverdue => DeadlineWarnings.IsOverdue(Status, Deadline, Date);

    /// <summary>
    /// 到期应完成: its deadline had come by <see cref="Date"/>, or it had been closed out by then whatever its deadline
    /// (an item closed out early is done on time, not "not yet due").
    /// </summary>
    public bool IsDue => IsClosedOut || (!Deadline.IsLongTerm && Deadline.Date is { } due && due <= Date);

    /// <summary>按期销号: closed out by <see cref="Date"/>, and not after the deadline in force when it was (<see cref="ItemLifecycle.IsClosedLate"/>).</summary>
    public bool IsClosedOnTime => ClosedOutOn is { } closedOn && !ItemLifecycle.IsClosedLate(Deadline, closedOn);
}

/// <summary>
/// Items as they stood on a date, replayed from their history in one SQL statement, one row per item.
/// </summary>
/// <remarks>
/// <para>
/// The rule. As of a China date D means as the ledger had recorded it by 24:00 in Beijing on D: an item counts if it was
/// created before then; its status and its deadline are where the changes recorded by then had brought them (未启动 and
/// 未设定 with none); its measures are those added by then.
/// Nothing is back-dated: the time that counts is when a change was recorded (the history's <c>At</c>), never a date a
/// user or a document states. So a report imported after D states its statuses as of its import, and the ledger knew
/// nothing of that round on D; and a report regenerated for D later gives the figures it gave on D.
/// </para>
/// <para>
/// History entries have no order of their own within an instant (one command can walk an item through several statuses
/// at once: an import goes 未启动 → 整改中 → 已完成; a test's clock may stand still across commands), so "the last
/// change" is not asked for. Each change starts from the status the one before it left, so the changes form one path
/// from where the item began: the status it stood in is the one the changes entered once more than they left (未启动,
/// where it began, if none). Deadlines are read the same way: each change starts from the deadline before it (未设定 at
/// first).
/// </para>
/// </remarks>
internal static class ItemsOnDate
{
    private static readonly string ClosedOut = nameof(ItemStatus.ClosedOut);

    public static async Task<List<ItemOnDate>> ReadAsync(IQueryable<RectificationItem> items, DateOnly date, CancellationToken cancellationToken)
    {
        var end = ChinaCalendar.StartOf(date.AddDays(1));
        var rows = await items.AsNoTracking()
            .Where(i => i.CreatedAt < end)
            .Select(i => new
            {
                i.Id,
                i.RoundId,
                i.AspectId,
                i.Kind,
                i.Number,
                Status = i.History
                    .Where(h => h.Change == ItemChange.StatusChanged && h.At < end
                        && i.History.Count(n => n.Change == ItemChange.StatusChanged && n.At < end && n.To == h.To)
                            > i.History.Count(n => n.Change == ItemChange.StatusChanged && n.At < end && n.From == h.To))
                    .Select(h => h.To)
                    .FirstOrDefault(),
                Deadline = i.History
                    .Where(h => h.Change == ItemChange.DeadlineChanged && h.At < end
                        && i.History.Count(n => n.Change == ItemChange.DeadlineChanged && n.At < end && n.To == h.To)
                            > i.History.Count(n => n.Change == ItemChange.DeadlineChanged && n.At < end && n.From == h.To))
                    .Select(h => h.To)
                    .FirstOrDefault(),
                ClosedOutAt = i.History
                    .Where(h => h.Change == ItemChange.StatusChanged && h.To == ClosedOut && h.At < end)
                    .Max(h => (DateTime?)h.At),
                Measures = i.History.Count(h => h.Change == ItemChange.MeasureAdded && h.At < end),
            })
            .OrderBy(i => i.Kind).ThenBy(i => i.Number)
            .ToListAsync(cancellationToken);

        return rows.ConvertAll(r =>
        {
            var status = r.Status is null ? ItemStatus.NotStarted : Enum.Parse<ItemStatus>(r.Status);
            var closedOutOn = status == ItemStatus.ClosedOut && r.ClosedOutAt is { } at ? ChinaCalendar.ToChinaDate(at) : (DateOnly?)null;
            var deadline = r.Deadline is null ? Deadline.None : Deadline.Parse(r.Deadline);
            return new ItemOnDate(r.Id, r.RoundId, r.AspectId, r.Kind, r.Number, date, status, deadline, closedOutOn, r.Measures);
        });
    }
}

/// <summary>
/// Today's figures per round from the items' own columns, in grouped queries that read indexes: the same counts as
/// <see cref="ItemFigures.Of"/> over <see cref="ItemsOnDate.ReadAsync"/> for today, since nothing is recorded after now,
/// without replaying every item's history (docs/adr/0016). Past dates still replay (docs/adr/0010).
/// </summary>
internal static class FiguresToday
{
    public static async Task<Dictionary<Guid, ItemFigures>> ByRoundAsync(IQueryable<RectificationItem> items, DateOnly today, CancellationToken cancellationToken)
    {
        var counts = await items.AsNoTracking()
            .GroupBy(i => i.RoundId)
            .Select(g => new
            {
                g.Key,
                Total = g.Count(),
                Completed = g.Count(i => i.Status >= ItemLifecycle.FirstSettled),
                PartiallyDone = g.Count(i => i.Status == ItemStatus.PartiallyDone),
                InProgress = g.Count(i => i.Status == ItemStatus.InProgress),
                NotStarted = g.Count(i => i.Status == ItemStatus.NotStarted),
                ClosedOut = g.Count(i => i.Status == ItemStatus.ClosedOut),

                // ItemOnDate.IsDue and IsClosedOnTime on the current columns: ClosedLate is IsClosedLate as judged at the close-out.
                Due = g.Count(i => i.Status == ItemStatus.ClosedOut || i.DeadlineKey <= today),
                ClosedOnTime = g.Count(i => i.Status == ItemStatus.ClosedOut && !i.ClosedLate),
            })
            .ToListAsync(cancellationToken);
        var overdue = await items.Where(DeadlineWarnings.OverdueOn(today)).GroupBy(i => i.RoundId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var measures = await items.SelectMany(i => i.Measures, (i, m) => i.RoundId).GroupBy(r => r)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return counts.ToDictionary(c => c.Key, c => new ItemFigures(
            c.Total, c.Completed, c.PartiallyDone, c.InProgress, c.NotStarted, c.ClosedOut,
            overdue.GetValueOrDefault(c.Key), c.Due, c.ClosedOnTime, measures.GetValueOrDefault(c.Key)));
    }
}
