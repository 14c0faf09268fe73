using Ledger.Domain.Calendar;
using Ledger.Domain.Items;
using Ledger.Domain.Settings;

namespace Ledger.Domain.Reminders;

/// <summary>What the planner needs to know of an item, as of the day it plans for.</summary>
/// <param name="LastProgressOn">The date of the latest progress report, or the day the item was set up when none.</param>
/// <param name="AwaitingAcknowledgement">Handed to a lead department that has not yet 签收.</param>
public sealed record ReminderSubject(
    Guid ItemId,
    ItemStatus Status,
    DateOnly? DueDate,
    bool IsLongTerm,
    DateOnly LastProgressOn,
    bool AwaitingAcknowledgement = false);

/// <summary>A reminder the ledger's state calls for: its series (kind and date), its stage within it, and whom it is for.</summary>
/// <param name="SeriesDate">The deadline for deadline reminders, else the first day of the week or review period.</param>
/// <param name="Stage">Tells one reminder of a series from the next: the offset, the days overdue, the escalation level.</param>
/// <param name="WorkingDaysLeft">As on the day planned: positive left, zero due today, negative overdue.</param>
public sealed record PlannedReminder(
    Guid ItemId, ReminderKind Kind, DateOnly SeriesDate, int Stage, ReminderAudience Audience, int? WorkingDaysLeft);

/// <summary>
/// Decides, from an item's state alone, which reminders a day calls for. It is deterministic, so the scan and the check
/// before delivery ask it the same question and a reminder no longer true (the item re-dated, reassigned or settled)
/// is one it no longer plans. Deadline stages catch up: a stage missed on its day is planned on the next day the scan
/// runs, and the unique key on (item, kind, series date, stage, recipient) keeps it to once.
/// </summary>
public sealed class ReminderPlanner(WorkingCalendar calendar, ReminderRules rules)
{
    /// <summary>
    /// How many weeks (or review periods) back a weekly (or periodic) reminder is looked for: its day moved past a run of
    /// days off, which never lasts three weeks.
    /// </summary>
    public const int CarriedPeriods = 3;

    private readonly int _largestOffset = rules.DueSoonOffsets.Count == 0 ? 0 : rules.DueSoonOffsets.Max();

    public WorkingCalendar Calendar => calendar;

    public ReminderRules Rules => rules;

    /// <summary>No one is chased on a day off unless the office says so.</summary>
    public bool RemindsOn(DateOnly day) => rules.RemindOnNonWorkingDays || calendar.IsWorkingDay(day);

    public IEnumerable<PlannedReminder> Plan(ReminderSubject item, DateOnly day)
    {
        if (item.Status >= ItemLifecycle.FirstSettled || !RemindsOn(day))
        {
            yield break;
        }

        if (item.AwaitingAcknowledgement)
        {
            yield return new(item.ItemId, ReminderKind.AcknowledgementDue, day, 0, ReminderAudience.DepartmentHead, null);
        }

        if (item.IsLongTerm)
        {
            foreach (var period in ReviewPeriodsDueOn(day))
            {
                yield return new(item.ItemId, ReminderKind.LongTermReview, period, 0, ReminderAudience.ResponsiblePerson, null);
                yield return new(item.ItemId, ReminderKind.LongTermReview, period, 0, ReminderAudience.DepartmentHead, null);
            }
        }
        else if (item.DueDate is { } due)
        {
            foreach (var reminder in PlanDeadline(item.ItemId, due, day))
            {
                yield return reminder;
            }
        }

        if (day.DayNumber - item.LastProgressOn.DayNumber >= rules.ProgressStaleDays)
        {
            foreach (var week in WeeksDueOn(day, rules.ProgressReminderDay))
            {
                yield return new(item.ItemId, ReminderKind.ProgressDue, week, 0, ReminderAudience.DepartmentHead, null);
            }
        }
    }

    private IEnumerable<PlannedReminder> PlanDeadline(Guid itemId, DateOnly due, DateOnly day)
    {
        var left = calendar.WorkingDaysBetween(day, due);
        if (left > 0)
        {
            // The smallest offset not yet passed: on the day 5 is missed, 4 days left still gets the "5" reminder.
            var stage = rules.DueSoonOffsets.Where(o => o >= left).DefaultIfEmpty().Min();
            if (stage > 0)
            {
                yield return new(itemId, ReminderKind.DueSoon, due, stage, ReminderAudience.ResponsiblePerson, left);
                yield return new(itemId, ReminderKind.DueSoon, due, stage, ReminderAudience.DepartmentHead, left);
                yield return new(itemId, ReminderKind.DueSoon, due, stage, ReminderAudience.CoDepartmentHeads, left);
            }
        }
        else if (left == 0)
        {
            yield return new(itemId, ReminderKind.DueToday, due, 0, ReminderAudience.ResponsiblePerson, left);
            yield return new(itemId, ReminderKind.DueToday, due, 0, ReminderAudience.DepartmentHead, left);
            yield return new(itemId, ReminderKind.DueToday, due, 0, ReminderAudience.CoDepartmentHeads, left);
        }
        else
        {
            // Daily: the stage is the calendar day, so each reminding day is its own reminder.
            yield return new(itemId, ReminderKind.Overdue, due, day.DayNumber - due.DayNumber, ReminderAudience.ResponsiblePerson, left);
            yield return new(itemId, ReminderKind.Overdue, due, day.DayNumber - due.DayNumber, ReminderAudience.CoDepartmentHeads, left);
            if (-left >= rules.EscalateAfterOverdueDays)
            {
                yield return new(itemId, ReminderKind.Escalation, due, 1, ReminderAudience.ResponsibleLeader, left);
                yield return new(itemId, ReminderKind.Escalation, due, 1, ReminderAudience.Office, left);
            }

            if (rules.PrincipalAfterOverdueDays is { } principal && -left >= principal)
            {
                yield return new(itemId, ReminderKind.Escalation, due, 2, ReminderAudience.PrincipalLeader, left);
            }
        }

        if (left <= _largestOffset)
        {
            foreach (var week in WeeksDueOn(day, rules.LeaderDigestDay))
            {
                yield return new(itemId, ReminderKind.LeaderDigest, week, 0, ReminderAudience.ResponsibleLeader, left);
            }
        }
    }

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The review periods whose reminder falls on this day: the period's first day or, when that is a day off, the next
    /// reminding day, even when that lies in the next period.
    /// </summary>
    private IEnumerable<DateOnly> ReviewPeriodsDueOn(DateOnly day)
    {
        var period = ReviewPeriodStart(day);
        for (var back = 0; back <= CarriedPeriods; back++, period = period.AddMonths(-rules.LongTermReviewMonths))
        {
            if (FirstRemindingDayFrom(period) == day)
            {
                yield return period;
            }
        }
    }

    private DateOnly ReviewPeriodStart(DateOnly day)
    {
        var monthIndex = (day.Year * 12) + day.Month - 1;
        var start = monthIndex - (monthIndex % rules.LongTermReviewMonths);
        return new DateOnly(start / 12, (start % 12) + 1, 1);
    }

    /// <summary>
    /// The weeks (by their Monday) whose weekly reminder falls on this day: it goes out on its weekday or, when that is
    /// a day off, the next reminding day, even when that lies in the next week (a Friday in 国庆 goes out on the 9th of
    /// October). Unlike deadline stages it does not catch up later in the week: an item falling due on Wednesday waits
    /// for next week's list rather than making a second list.
    /// </summary>
    private IEnumerable<DateOnly> WeeksDueOn(DateOnly day, DayOfWeek weekday)
    {
        var offset = ((int)weekday + 6) % 7;
        var week = WeekStart(day);
        for (var back = 0; back <= CarriedPeriods; back++, week = week.AddDays(-7))
        {
            if (FirstRemindingDayFrom(week.AddDays(offset)) == day)
            {
                yield return week;
            }
        }
    }

    private DateOnly FirstRemindingDayFrom(DateOnly date) =>
        rules.RemindOnNonWorkingDays ? date : calendar.WorkingDayOnOrAfter(date);
}
