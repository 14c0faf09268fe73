using Ledger.Domain.Items;
using Ledger.Domain.Reminders;
using Ledger.Domain.Settings;
using static Ledger.Domain.Tests.Calendar.Notices;

namespace Ledger.Domain.Tests.Reminders;

public class ReminderPlannerTests
{
    private static readonly ReminderRules Defaults = ReminderSettings.Defaults().Rules;
    private static readonly Guid Item = Guid.NewGuid();

    private static ReminderPlanner Planner(ReminderRules? rules = null) => new(China2025And2026, rules ?? Defaults);

    private static ReminderSubject Subject(string? due, ItemStatus status = ItemStatus.InProgress, bool longTerm = false, string lastProgress = "2025-01-15") =>
        new(Item, status, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), longTerm, DateOnly.Parse(lastProgress, System.Globalization.CultureInfo.InvariantCulture));

    private static string[] Plan(ReminderSubject subject, string day, ReminderRules? rules = null) =>
        [.. Planner(rules).Plan(subject, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).Select(p => $"{p.Kind} {p.Stage} {p.Audience}")];

    [Fact]
    public void A_stage_missed_on_its_day_is_caught_up_once_but_a_passed_stage_is_not_repeated()
    {
        // 2025-02-18 (Tue) is 5 working days before 2025-02-25; on the 19th 4 are left: still the "5" reminder.
        Assert.Equal(["DueSoon 5 ResponsiblePerson", "DueSoon 5 DepartmentHead", "DueSoon 5 CoDepartmentHeads"], Plan(Subject("2025-02-25"), "2025-02-19"));
        Assert.Equal(["DueSoon 3 ResponsiblePerson", "DueSoon 3 DepartmentHead", "DueSoon 3 CoDepartmentHeads"], Plan(Subject("2025-02-25"), "2025-02-20"));
        Assert.Empty(Plan(Subject("2025-02-25"), "2025-02-17"));
    }

    [Fact]
    public void A_deadline_on_a_day_off_is_due_on_the_last_working_day_before_it()
    {
        // 2025-10-01..08 is the National Day holiday; 2025-09-28 (Sun) is worked.
        Assert.Equal(["DueToday 0 ResponsiblePerson", "DueToday 0 DepartmentHead", "DueToday 0 CoDepartmentHeads"], Plan(Subject("2025-10-03"), "2025-09-30"));
        Assert.Empty(Plan(Subject("2025-10-03"), "2025-10-03"));
        // Thursday the 9th is also the first working day of the week, so the leaders' weekly list goes out, and the
        // progress reminder of Friday the 3rd, a holiday, comes with it.
        Assert.Equal(
            ["Overdue 6 ResponsiblePerson", "Overdue 6 CoDepartmentHeads", "LeaderDigest 0 ResponsibleLeader", "ProgressDue 0 DepartmentHead"],
            Plan(Subject("2025-10-03"), "2025-10-09"));
    }

    [Fact]
    public void Nothing_is_planned_on_a_day_off_unless_the_office_reminds_on_days_off()
    {
        Assert.Empty(Plan(Subject("2025-01-10"), "2025-01-18"));
        Assert.Contains("Overdue 8 ResponsiblePerson", Plan(Subject("2025-01-10"), "2025-01-18", Defaults with { RemindOnNonWorkingDays = true }));
    }

    [Theory]
    [InlineData(ItemStatus.Completed)]
    [InlineData(ItemStatus.CloseOutRequested)]
    [InlineData(ItemStatus.ClosedOut)]
    public void Settled_items_get_nothing(ItemStatus status) =>
        Assert.Empty(Plan(Subject("2025-01-10", status, lastProgress: "2024-12-01"), "2025-01-17"));

    [Fact]
    public void Escalation_goes_to_the_leader_and_office_then_to_the_principal_once_each_level_is_reached()
    {
        var rules = Defaults with { EscalateAfterOverdueDays = 3, PrincipalAfterOverdueDays = 5, PrincipalLeaderPersonId = Guid.NewGuid() };
        Assert.Equal(["Overdue 4 ResponsiblePerson", "Overdue 4 CoDepartmentHeads"], Plan(Subject("2025-01-10"), "2025-01-14", rules));
        Assert.Equal(
            ["Overdue 5 ResponsiblePerson", "Overdue 5 CoDepartmentHeads", "Escalation 1 ResponsibleLeader", "Escalation 1 Office"],
            Plan(Subject("2025-01-10"), "2025-01-15", rules));
        Assert.Equal(
            ["Overdue 7 ResponsiblePerson", "Overdue 7 CoDepartmentHeads", "Escalation 1 ResponsibleLeader", "Escalation 1 Office", "Escalation 2 PrincipalLeader"],
            Plan(Subject("2025-01-10"), "2025-01-17", rules));
    }

    [Fact]
    public void A_long_term_item_gets_a_review_reminder_on_the_first_working_day_of_each_period_instead_of_deadline_reminders()
    {
        Assert.Equal(["LongTermReview 0 ResponsiblePerson", "LongTermReview 0 DepartmentHead"], Plan(Subject(null, longTerm: true, lastProgress: "2025-02-01"), "2025-02-05"));
        Assert.Empty(Plan(Subject(null, longTerm: true), "2025-02-06"));
        var quarterly = Defaults with { LongTermReviewMonths = 3 };
        Assert.Empty(Plan(Subject(null, longTerm: true), "2025-03-03", quarterly));
        Assert.Equal(2, Plan(Subject(null, longTerm: true), "2025-04-01", quarterly).Length);
    }

    [Fact]
    public void The_weekly_lists_go_out_on_their_day_or_the_next_working_day_of_a_holiday_week()
    {
        // Monday 2025-01-20: the item is due in 2 working days; progress last reported 5 days ago.
        Assert.Contains("LeaderDigest 0 ResponsibleLeader", Plan(Subject("2025-01-22"), "2025-01-20"));
        Assert.DoesNotContain("LeaderDigest 0 ResponsibleLeader", Plan(Subject("2025-01-22"), "2025-01-21"));

        // Friday 2025-01-17 after 2 days without progress: nothing; after 7 days: the department head.
        Assert.DoesNotContain("ProgressDue 0 DepartmentHead", Plan(Subject("2025-03-31"), "2025-01-17"));
        Assert.Contains("ProgressDue 0 DepartmentHead", Plan(Subject("2025-03-31", lastProgress: "2025-01-10"), "2025-01-17"));

        // Monday 2025-02-03 is in the Spring Festival: the leaders' list waits for Wednesday the 5th.
        Assert.Contains("LeaderDigest 0 ResponsibleLeader", Plan(Subject("2025-02-05"), "2025-02-05"));
        Assert.Equal(
            new DateOnly(2025, 2, 3),
            Planner().Plan(Subject("2025-02-05"), new DateOnly(2025, 2, 5)).Single(p => p.Kind == ReminderKind.LeaderDigest).SeriesDate);
    }

    [Fact]
    public void A_weekly_reminder_whose_day_is_a_holiday_moves_to_the_next_working_day_even_in_the_next_week()
    {
        // Friday 2025-10-03 is in 国庆 (10-01..10-08): its progress reminder goes out on Thursday the 9th, as the week of
        // 09-29's; Friday the 10th has its own week's.
        var stale = Subject("2025-12-31", lastProgress: "2025-09-01");
        var ninth = Planner().Plan(stale, new DateOnly(2025, 10, 9)).Where(p => p.Kind == ReminderKind.ProgressDue).ToList();
        Assert.Equal([new DateOnly(2025, 9, 29)], ninth.Select(p => p.SeriesDate));
        var tenth = Planner().Plan(stale, new DateOnly(2025, 10, 10)).Where(p => p.Kind == ReminderKind.ProgressDue).ToList();
        Assert.Equal([new DateOnly(2025, 10, 6)], tenth.Select(p => p.SeriesDate));
        Assert.Empty(Planner().Plan(stale, new DateOnly(2025, 10, 3)));

        // The Spring Festival's Friday 2025-01-31 goes out on Wednesday 02-05, beside that week's leaders' list.
        Assert.Contains(
            Planner().Plan(Subject("2025-02-07", lastProgress: "2025-01-01"), new DateOnly(2025, 2, 5)),
            p => p is { Kind: ReminderKind.ProgressDue, SeriesDate.Day: 27 });
    }

    [Fact]
    public void An_item_not_yet_acknowledged_reminds_its_lead_department_head_each_working_day()
    {
        var waiting = Subject("2025-03-31") with { AwaitingAcknowledgement = true };
        Assert.Contains("AcknowledgementDue 0 DepartmentHead", Plan(waiting, "2025-01-16"));
        Assert.Equal(new DateOnly(2025, 1, 17), Planner().Plan(waiting, new DateOnly(2025, 1, 17)).Single(p => p.Kind == ReminderKind.AcknowledgementDue).SeriesDate);
        Assert.Empty(Plan(waiting, "2025-01-18"));
        Assert.DoesNotContain("AcknowledgementDue 0 DepartmentHead", Plan(Subject("2025-03-31"), "2025-01-16"));
    }
}
