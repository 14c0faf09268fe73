using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Settings;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;
using Ledger.Domain.Settings;

namespace Ledger.Application.Reminders;

/// <summary>
/// The planner with the calendar, the office's rules and the accounts it reaches: what the scan asks to decide
/// reminders and what the dispatcher asks again, just before delivery, to drop the ones no longer true.
/// </summary>
internal sealed class ReminderPlan(ReminderPlanner planner, RecipientDirectory directory)
{
    public ReminderPlanner Planner => planner;

    public RecipientDirectory Directory => directory;

    public static async Task<ReminderPlan> LoadAsync(
        ILedgerDbContext db, WorkingCalendars calendars, IReminderRecipients recipients, CancellationToken cancellationToken)
    {
        var settings = await db.CurrentReminderSettingsAsync(cancellationToken);
        var calendar = await calendars.CurrentAsync(db, cancellationToken);
        return new(new ReminderPlanner(calendar, settings.Rules), await recipients.LoadAsync(cancellationToken));
    }

    /// <summary>Each reminder the item calls for on that day, once per account even when the account plays two parts.</summary>
    public IEnumerable<(PlannedReminder Planned, Recipient Recipient)> For(ReminderTarget target, DateOnly day)
    {
        var parties = target.Parties(planner.Rules);
        return planner.Plan(target.Subject, day)
            .SelectMany(p => directory.For(p.Audience, parties).Select(r => (Planned: p, Recipient: r)))
            .DistinctBy(x => Key(x.Planned, x.Recipient.UserId));
    }

    public static ReminderKey Key(PlannedReminder planned, Guid recipientUserId) =>
        new(planned.ItemId, planned.Kind, planned.SeriesDate, planned.Stage, recipientUserId);

    /// <summary>Whether the item, as it is now, would still call for this reminder on the day it was decided.</summary>
    public bool StillTrue(Reminder reminder, ReminderTarget? target) =>
        target is not null && For(target, reminder.Day).Any(x => Key(x.Planned, x.Recipient.UserId) == reminder.Key);

    /// <summary>What changed, as the inbox tells the user why a reminder was withdrawn.</summary>
    public static string WhyNoLongerTrue(Reminder reminder, ReminderTarget? target) => target switch
    {
        null => "事项已不再需要提醒。",
        { Status: >= ItemLifecycle.FirstSettled } => $"事项{target.Status.ToChinese()}。",
        { AcknowledgedAt: not null } when reminder.Kind == ReminderKind.AcknowledgementDue => "事项已签收。",
        { IsLongTerm: true } when reminder.Kind != ReminderKind.LongTermReview && reminder.Kind != ReminderKind.ProgressDue => "事项已改为长期坚持。",
        { DueDate: { } due } when reminder.Kind is ReminderKind.DueSoon or ReminderKind.DueToday or ReminderKind.Overdue or ReminderKind.Escalation
                                  && due != reminder.SeriesDate => $"整改时限已调整为{Domain.Common.ChinaCalendar.Format(due)}。",
        _ => "事项的责任分工已调整。",
    };
}
