using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>
/// The deadline scan: decides from the ledger's state which reminders the day calls for, records each with its unique key
/// and writes its message to the outbox, all in one transaction. Running it again the same day adds nothing.
/// </summary>
/// <param name="Day">The day to scan for; today in China when not given.</param>
[Allowed(Roles.Admin)]
public sealed record RunReminderScanCommand(DateOnly? Day = null) : ICommand<ReminderScanResult>;

/// <param name="IsRemindingDay">False on a day off (unless the office reminds on days off): nothing is planned.</param>
public sealed record ReminderScanResult(DateOnly Day, bool IsRemindingDay, int ItemsScanned, int RemindersCreated, int NotificationsCreated);

internal sealed class RunReminderScanCommandHandler(
    ILedgerDbContext db, WorkingCalendars calendars, IReminderRecipients recipients, RequestContext context, TimeProvider clock)
    : IRequestHandler<RunReminderScanCommand, ReminderScanResult>
{
    /// <summary>Items per lookup of existing reminders: small enough for any provider's parameter limits.</summary>
    private const int Batch = 2_000;

    public async Task<ReminderScanResult> Handle(RunReminderScanCommand request, CancellationToken cancellationToken)
    {
        var day = request.Day ?? context.Today;
        var plan = await ReminderPlan.LoadAsync(db, calendars, recipients, cancellationToken);
        if (!plan.Planner.RemindsOn(day))
        {
            return new(day, false, 0, 0, 0);
        }

        var targets = await db.Items.AsNoTracking().Remindable().SelectTargets(db).ToListAsync(cancellationToken);
        var due = targets.SelectMany(t => plan.For(t, day).Select(x => (x.Planned, x.Recipient, Target: t))).ToList();

        var existing = new HashSet<ReminderKey>();
        var week = Domain.Reminders.ReminderPlanner.WeekStart(day);
        foreach (var chunk in due.Select(d => d.Target.Id).Distinct().Chunk(Batch))
        {
            // Only keys today's plan could repeat: today's overdue reminder, this week's lists, and the stages of each series.
            var keys = await db.Reminders.AsNoTracking()
                .Where(r => chunk.Contains(r.ItemId)
                            && (r.Kind != ReminderKind.Overdue || r.Day == day)
                            && (r.Kind != ReminderKind.LeaderDigest && r.Kind != ReminderKind.ProgressDue || r.SeriesDate == week))
                .Select(r => new { r.ItemId, r.Kind, r.SeriesDate, r.Stage, r.RecipientUserId })
                .ToListAsync(cancellationToken);
            existing.UnionWith(keys.Select(k => new ReminderKey(k.ItemId, k.Kind, k.SeriesDate, k.Stage, k.RecipientUserId)));
        }

        var fresh = due.Where(d => !existing.Contains(ReminderPlan.Key(d.Planned, d.Recipient.UserId))).ToList();
        var at = clock.GetUtcNow().UtcDateTime;
        var staleDays = plan.Planner.Rules.ProgressStaleDays;
        var notifications = 0;
        foreach (var message in fresh.GroupBy(d => (d.Recipient.UserId, d.Planned.Kind, Item: ReminderMessages.IsList(d.Planned.Kind) ? Guid.Empty : d.Target.Id)))
        {
            var lines = message.ToList();
            var (title, body) = ReminderMessages.IsList(message.Key.Kind)
                ? ReminderMessages.ForList(message.Key.Kind, [.. lines.Select(l => (l.Planned, l.Target))], staleDays)
                : ReminderMessages.ForItem(message.Key.Kind, lines[0].Planned, lines[0].Target, staleDays);
            var notification = Notification.Create(
                message.Key.UserId, message.Key.Kind, day, title, body, message.Key.Item == Guid.Empty ? null : message.Key.Item, at);
            db.Notifications.Add(notification);
            notifications++;
            foreach (var line in lines)
            {
                db.Reminders.Add(Reminder.For(line.Planned, line.Recipient.UserId, day, notification.Id, at));
            }
        }

        return new(day, true, targets.Count, fresh.Count, notifications);
    }
}
