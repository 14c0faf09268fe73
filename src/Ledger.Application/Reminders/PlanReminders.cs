using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Rounds;
using Ledger.Domain.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>
/// The deadline scan's reading half: which reminders the ledger's state calls for on a day and are not yet recorded, with
/// the text of their messages. It reads without a transaction, so the ledger stays writable while it runs; what it
/// finds is recorded by <see cref="RecordRemindersCommand"/>, which checks again.
/// </summary>
/// <param name="Day">The day to scan for; today in China when not given.</param>
[Allowed(Roles.Admin)]
public sealed record PlanRemindersQuery(DateOnly? Day = null) : IQuery<ReminderPlanResult>;

/// <param name="IsRemindingDay">False on a day off (unless the office reminds on days off): nothing is planned.</param>
public sealed record ReminderPlanResult(DateOnly Day, bool IsRemindingDay, int ItemsScanned, IReadOnlyList<PlannedMessage> Messages);

/// <summary>One message to one user and the reminders it carries: a single item's, or a weekly list's.</summary>
public sealed record PlannedMessage(Guid RecipientUserId, ReminderKind Kind, Guid? ItemId, string Title, string Body, IReadOnlyList<ReminderKey> Reminders);

internal sealed class PlanRemindersQueryHandler(
    ILedgerDbContext db, WorkingCalendars calendars, IReminderRecipients recipients, RequestContext context)
    : IRequestHandler<PlanRemindersQuery, ReminderPlanResult>
{
    public async Task<ReminderPlanResult> Handle(PlanRemindersQuery request, CancellationToken cancellationToken)
    {
        var day = request.Day ?? context.Today;
        var plan = await ReminderPlan.LoadAsync(db, calendars, recipients, cancellationToken);
        if (!plan.Planner.RemindsOn(day))
        {
            return new(day, false, 0, []);
        }

        var rounds = await RoundTagNames.ReadAsync(db, cancellationToken);
        var targets = (await db.Items.AsNoTracking().Remindable().SelectTargets(db).ToListAsync(cancellationToken))
            .ConvertAll(t => t with { RoundName = rounds.GetValueOrDefault(t.RoundId, string.Empty) });
        var due = targets.SelectMany(t => plan.For(t, day).Select(x => (x.Planned, x.Recipient, Target: t))).ToList();
        var existing = await ReminderKeys.RecordedAsync(db, due.Select(d => d.Target.Id), day, cancellationToken);
        var fresh = due.Where(d => !existing.Contains(ReminderPlan.Key(d.Planned, d.Recipient.UserId)));

        // One message per recipient and kind a day: a single item reads as itself, several as one list.
        var staleDays = plan.Planner.Rules.ProgressStaleDays;
        var messages = fresh
            .GroupBy(d => (d.Recipient.UserId, d.Planned.Kind))
            .Select(message =>
            {
                var lines = message.ToList();
                var item = !ReminderMessages.IsList(message.Key.Kind) && lines.All(l => l.Target.Id == lines[0].Target.Id) ? lines[0].Target : null;
                var (title, body) = item is null
                    ? ReminderMessages.ForList(message.Key.Kind, [.. lines.Select(l => (l.Planned, l.Target)).DistinctBy(l => l.Target.Id)], staleDays)
                    : ReminderMessages.ForItem(message.Key.Kind, lines[0].Planned, item, staleDays);
                return new PlannedMessage(
                    message.Key.UserId, message.Key.Kind, item?.Id, title, body, [.. lines.Select(l => ReminderPlan.Key(l.Planned, l.Recipient.UserId))]);
            })
            .ToList();
        return new(day, true, targets.Count, messages);
    }
}

internal static class ReminderKeys
{
    /// <summary>Items per lookup: small enough for any provider's parameter limits.</summary>
    private const int ItemsPerQuery = 2_000;

    /// <summary>
    /// The recorded keys among those a day's plan could repeat for these items: that day's overdue and 签收 reminders, the
    /// lists of that week and the weeks a list can be carried from, and every stage of each deadline and review series.
    /// </summary>
    public static async Task<HashSet<ReminderKey>> RecordedAsync(ILedgerDbContext db, IEnumerable<Guid> itemIds, DateOnly day, CancellationToken cancellationToken)
    {
        var recorded = new HashSet<ReminderKey>();
        var firstWeek = ReminderPlanner.WeekStart(day).AddDays(-7 * ReminderPlanner.CarriedPeriods);
        foreach (var chunk in itemIds.Distinct().Chunk(ItemsPerQuery))
        {
            var keys = await db.Reminders.AsNoTracking()
                .Where(r => chunk.Contains(r.ItemId)
                            && (r.Kind != ReminderKind.Overdue && r.Kind != ReminderKind.AcknowledgementDue || r.Day == day)
                            && (r.Kind != ReminderKind.LeaderDigest && r.Kind != ReminderKind.ProgressDue || r.SeriesDate >= firstWeek))
                .Select(r => new { r.ItemId, r.Kind, r.SeriesDate, r.Stage, r.RecipientUserId })
                .ToListAsync(cancellationToken);
            recorded.UnionWith(keys.Select(k => new ReminderKey(k.ItemId, k.Kind, k.SeriesDate, k.Stage, k.RecipientUserId)));
        }

        return recorded;
    }
}
