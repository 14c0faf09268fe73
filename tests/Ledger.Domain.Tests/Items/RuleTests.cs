using System.Globalization;
using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Domain.Tests.Items;

public class RuleTests
{
    private static readonly ChangeStamp Stamp = ItemFactory.Stamp;
    private static readonly EvidenceFile Proof = ItemFactory.Proof("纪要.pdf");

    private static string CodeOf(Action action) => Assert.Throws<BusinessRuleViolationException>(action).Code;

    [Fact]
    public void Close_out_needs_evidence()
    {
        var item = ItemFactory.In(ItemStatus.Completed);
        Assert.Equal("CloseOutNeedsEvidence", CodeOf(() => item.RequestCloseOut("已完成", Stamp)));
        Assert.Equal(ItemStatus.Completed, item.Status);
    }

    [Fact]
    public void Close_out_needs_a_summary()
    {
        var item = ItemFactory.In(ItemStatus.Completed);
        item.AttachEvidence(Proof, null, null, new DateOnly(2025, 1, 1), Stamp);
        Assert.Equal("SummaryIsRequired", CodeOf(() => item.RequestCloseOut("  ", Stamp)));
    }

    [Fact]
    public void A_leader_cannot_approve_before_the_office_reviewed()
    {
        var item = ItemFactory.In(ItemStatus.CloseOutRequested);
        Assert.Equal("CloseOutNeedsReview", CodeOf(() => item.DecideCloseOut(true, null, Stamp)));
        Assert.Equal(ItemStatus.CloseOutRequested, item.Status);
    }

    [Fact]
    public void The_office_reviews_a_request_once()
    {
        var item = ItemFactory.In(ItemStatus.CloseOutRequested);
        item.ReviewCloseOut(true, null, Stamp);
        Assert.Equal("CloseOutIsReviewedOnce", CodeOf(() => item.ReviewCloseOut(true, null, Stamp)));
        Assert.Equal("tester", item.CloseOutReviewedBy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Returning_rejecting_resuming_and_reopening_need_a_reason(string? reason)
    {
        Assert.Equal("ReasonIsRequired", CodeOf(() => ItemFactory.In(ItemStatus.CloseOutRequested).ReviewCloseOut(false, reason, Stamp)));
        Assert.Equal("ReasonIsRequired", CodeOf(() => ItemFactory.In(ItemStatus.InProgress).MarkPartiallyDone(reason!, Stamp)));
        Assert.Equal("ReasonIsRequired", CodeOf(() => ItemFactory.In(ItemStatus.Completed).Resume(reason!, Stamp)));
        Assert.Equal("ReasonIsRequired", CodeOf(() => ItemFactory.In(ItemStatus.ClosedOut).Reopen(reason!, Stamp)));
        var reviewed = ItemFactory.In(ItemStatus.CloseOutRequested);
        reviewed.ReviewCloseOut(true, null, Stamp);
        Assert.Equal("ReasonIsRequired", CodeOf(() => reviewed.DecideCloseOut(false, reason, Stamp)));
    }

    [Fact]
    public void Completion_needs_every_measure_done()
    {
        var item = ItemFactory.In(ItemStatus.InProgress);
        var first = item.AddMeasure("修订制度", null, new DateOnly(2025, 3, 31), Stamp);
        item.AddMeasure("组织学习", null, null, Stamp);
        item.CompleteMeasure(first.Id, new DateOnly(2025, 1, 10), Stamp);

        Assert.Equal("CompletionNeedsAllMeasuresDone", CodeOf(() => item.MarkCompleted(Stamp)));

        item.CompleteMeasure(item.Measures[1].Id, new DateOnly(2025, 1, 12), Stamp);
        item.MarkCompleted(Stamp);
        Assert.Equal(ItemStatus.Completed, item.Status);
        Assert.Equal([1, 2], item.Measures.Select(m => m.Sequence));
    }

    [Fact]
    public void A_measure_is_completed_once()
    {
        var item = ItemFactory.In(ItemStatus.InProgress);
        var measure = item.AddMeasure("修订制度", null, null, Stamp);
        item.CompleteMeasure(measure.Id, new DateOnly(2025, 1, 10), Stamp);
        Assert.Equal("MeasureIsCompletedOnce", CodeOf(() => item.CompleteMeasure(measure.Id, new DateOnly(2025, 1, 11), Stamp)));
        Assert.Equal(new DateOnly(2025, 1, 10), item.Measures[0].CompletedOn);
    }

    [Fact]
    public void Work_cannot_change_once_close_out_is_requested()
    {
        var item = ItemFactory.In(ItemStatus.CloseOutRequested);
        Assert.Equal("ActionMustBeAllowed", CodeOf(() => item.AddMeasure("补充措施", null, null, Stamp)));
        Assert.Equal("ActionMustBeAllowed", CodeOf(() => item.Edit(item.AspectId, "新标题", null, Stamp)));
        Assert.Equal("ActionMustBeAllowed", CodeOf(() => item.AttachEvidence(Proof, null, null, new DateOnly(2025, 1, 1), Stamp)));

        // Progress may still be reported while the request is pending.
        item.ReportProgress(new DateOnly(2025, 1, 16), "等待审批", null, null, Stamp);
        Assert.Single(item.ProgressReports);
    }

    [Fact]
    public void Lead_department_cannot_also_be_a_co_department()
    {
        var item = ItemFactory.New();
        var office = new Assignee(Guid.NewGuid(), "办公室");
        var assignment = new Assignment(null, office, [office], null);
        Assert.Equal("LeadDepartmentIsNotCoDepartment", CodeOf(() => item.Assign(assignment, Deadline.None, null, Stamp)));
    }

    [Fact]
    public void Assignment_and_deadline_changes_are_recorded_with_the_old_value()
    {
        var item = ItemFactory.New();
        var leader = new Assignee(Guid.NewGuid(), "张三");
        var office = new Assignee(Guid.NewGuid(), "办公室");
        var politics = new Assignee(Guid.NewGuid(), "政治部");

        item.Assign(new Assignment(leader, office, [politics], null), Deadline.On(new DateOnly(2025, 3, 31)), null, Stamp);
        item.Assign(new Assignment(leader, office, [politics], null), Deadline.LongTerm, "制度建设需长期坚持", Stamp);

        Assert.Equal(office.Id, item.LeadDepartmentId);
        Assert.Equal([politics.Id], item.CoDepartments.Select(c => c.DepartmentId));
        Assert.True(item.IsLongTerm);
        Assert.Null(item.DueDate);
        var deadlineChanges = item.History.Where(h => h.Change == ItemChange.DeadlineChanged).ToList();
        Assert.Equal(2, deadlineChanges.Count);
        Assert.Equal("2025年3月31日", deadlineChanges[1].From);
        Assert.Equal("长期坚持", deadlineChanges[1].To);
        Assert.Equal("制度建设需长期坚持", deadlineChanges[1].Reason);
        Assert.Single(item.History, h => h.Change == ItemChange.Assigned);
    }

    [Fact]
    public void Moving_a_set_deadline_without_a_reason_is_refused()
    {
        var item = ItemFactory.New();
        var assignment = new Assignment(null, new Assignee(Guid.NewGuid(), "办公室"), [], null);
        item.Assign(assignment, Deadline.On(new DateOnly(2025, 1, 16)), null, Stamp);

        Assert.Equal("ReasonIsRequired", CodeOf(() => item.Assign(assignment, Deadline.On(new DateOnly(2025, 2, 28)), " ", Stamp)));
        Assert.Equal(new DateOnly(2025, 1, 16), item.DueDate);
        Assert.Equal(0, item.DeadlineAdjustments);
    }

    [Fact]
    public void Assignment_and_extension_moves_count_alike_and_keep_the_first_deadline()
    {
        var item = ItemFactory.New();
        var assignment = new Assignment(null, new Assignee(Guid.NewGuid(), "办公室"), [], null);
        item.Assign(assignment, Deadline.On(new DateOnly(2025, 1, 16)), null, Stamp);
        Assert.Equal((null, 0), (item.OriginalDueDate, item.DeadlineAdjustments));

        item.Assign(assignment, Deadline.On(new DateOnly(2025, 2, 28)), "牵头部门调整，重新部署", Stamp);
        item.Start(Stamp);
        item.RequestExtension(new DateOnly(2025, 3, 31), "需等待上级批复", 3, Stamp);
        item.DecideExtension(true, null, Stamp);

        Assert.Equal((new DateOnly(2025, 1, 16), 2, 1), (item.OriginalDueDate, item.DeadlineAdjustments, item.ExtensionsApproved));
        var moves = item.History.Where(h => h.Change == ItemChange.DeadlineChanged).Skip(1)
            .Select(h => (h.Summary, h.From, h.To, h.Reason)).ToList();
        Assert.Equal(
            [
                ("调整整改时限（第1次）：2025年1月16日 → 2025年2月28日", "2025年1月16日", "2025年2月28日", "牵头部门调整，重新部署"),
                ("延期（第1次）：2025年2月28日 → 2025年3月31日", "2025年2月28日", "2025年3月31日", "需等待上级批复"),
            ],
            moves);
    }

    [Fact]
    public void Assigning_what_is_already_assigned_changes_nothing()
    {
        var item = ItemFactory.New();
        var assignment = new Assignment(null, new Assignee(Guid.NewGuid(), "办公室"), [], null);
        item.Assign(assignment, Deadline.On(new DateOnly(2025, 3, 31)), null, Stamp);
        var (version, history) = (item.Version, item.History.Count);

        item.Assign(assignment, Deadline.On(new DateOnly(2025, 3, 31)), null, Stamp);

        Assert.Equal((version, history), (item.Version, item.History.Count));
    }

    [Theory]
    [InlineData(ItemStatus.NotStarted, "2025-01-15", false, "2025-01-16", true)]
    [InlineData(ItemStatus.InProgress, "2025-01-15", false, "2025-01-16", true)]
    [InlineData(ItemStatus.PartiallyDone, "2025-01-15", false, "2025-01-16", true)]
    [InlineData(ItemStatus.InProgress, "2025-01-16", false, "2025-01-16", false)]
    [InlineData(ItemStatus.Completed, "2025-01-15", false, "2025-01-16", false)]
    [InlineData(ItemStatus.CloseOutRequested, "2025-01-15", false, "2025-01-16", false)]
    [InlineData(ItemStatus.ClosedOut, "2025-01-15", false, "2025-01-16", false)]
    [InlineData(ItemStatus.InProgress, null, true, "2025-01-16", false)]
    [InlineData(ItemStatus.InProgress, null, false, "2025-01-16", false)]
    public void Overdue_means_past_the_deadline_and_neither_completed_nor_closed_out(
        ItemStatus status, string? due, bool longTerm, string today, bool overdue) =>
        Assert.Equal(overdue, DeadlineWarnings.IsOverdue(
            status, Deadline.From(due is null ? null : DateOnly.Parse(due, CultureInfo.InvariantCulture), longTerm), DateOnly.Parse(today, CultureInfo.InvariantCulture)));

    [Fact]
    public void Dates_are_calendar_dates_in_China()
    {
        // 2025-01-15 17:30 UTC is already the 16th in Beijing.
        var clock = new FixedClock(new DateTimeOffset(2025, 1, 15, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2025, 1, 16), ChinaCalendar.Today(clock));
        Assert.Equal("2025年1月16日", ChinaCalendar.Format(new DateOnly(2025, 1, 16)));
        Assert.Equal("长期坚持", Deadline.LongTerm.ToString());
    }

    [Fact]
    public void A_deadline_reads_back_from_the_text_its_history_keeps()
    {
        Deadline[] deadlines = [Deadline.On(new DateOnly(2025, 1, 6)), Deadline.On(new DateOnly(2024, 12, 31)), Deadline.LongTerm, Deadline.None];

        Assert.Equal(deadlines, deadlines.Select(d => Deadline.Parse(d.ToString())));
        Assert.Throws<FormatException>(() => Deadline.Parse("2025-01-06"));
        Assert.Equal(new DateTime(2025, 1, 15, 16, 0, 0, DateTimeKind.Utc), ChinaCalendar.StartOf(new DateOnly(2025, 1, 16)));
    }

    [Theory]
    [InlineData("2025-03-31", "2025-03-31", false)]
    [InlineData("2025-03-31", "2025-04-01", true)]
    [InlineData(null, "2025-04-01", false)]
    public void A_close_out_is_late_only_after_a_dated_deadline(string? due, string closedOn, bool late)
    {
        var deadline = due is null ? Deadline.LongTerm : Deadline.On(DateOnly.Parse(due, CultureInfo.InvariantCulture));
        Assert.Equal(late, ItemLifecycle.IsClosedLate(deadline, DateOnly.Parse(closedOn, CultureInfo.InvariantCulture)));
        Assert.False(ItemLifecycle.IsClosedLate(Deadline.None, DateOnly.Parse(closedOn, CultureInfo.InvariantCulture)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
