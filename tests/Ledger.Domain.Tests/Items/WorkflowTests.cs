using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Domain.Tests.Items;

/// <summary>签收, extensions, evidence withdrawal and checklist, and 逾期销号.</summary>
public class WorkflowTests
{
    private static readonly ChangeStamp Stamp = ItemFactory.Stamp;
    private static readonly Assignee Office = new(Guid.NewGuid(), "办公室");
    private static readonly Assignee Politics = new(Guid.NewGuid(), "政治部");

    private static string CodeOf(Action action) => Assert.Throws<BusinessRuleViolationException>(action).Code;

    private static ChangeStamp On(int year, int month, int day) => new("领导", new DateTime(year, month, day, 2, 0, 0, DateTimeKind.Utc));

    private static RectificationItem Assigned(Assignee lead, DateOnly? due = null)
    {
        var item = ItemFactory.New();
        item.Assign(new Assignment(null, lead, [], null), Deadline.On(due ?? new DateOnly(2025, 3, 31)), null, Stamp);
        return item;
    }

    [Fact]
    public void Acknowledging_needs_a_lead_department_happens_once_and_is_renewed_by_a_new_lead()
    {
        var item = ItemFactory.New();
        Assert.Equal("AcknowledgeNeedsLeadDepartment", CodeOf(() => item.Acknowledge(Stamp)));

        item.Assign(new Assignment(null, Office, [], null), Deadline.None, null, Stamp);
        item.Acknowledge(Stamp);
        Assert.Equal(Stamp.At, item.AcknowledgedAt);
        Assert.Equal("tester", item.AcknowledgedBy);
        Assert.Equal("ItemIsAcknowledgedOnce", CodeOf(() => item.Acknowledge(Stamp)));

        item.Assign(new Assignment(null, Office, [Politics], null), Deadline.None, null, Stamp);
        Assert.NotNull(item.AcknowledgedAt);

        item.Assign(new Assignment(null, Politics, [], null), Deadline.None, null, Stamp);
        Assert.Null(item.AcknowledgedAt);
        Assert.Equal(ItemChange.Acknowledged, item.History.Single(h => h.Change == ItemChange.Acknowledged).Change);
    }

    [Fact]
    public void An_approved_extension_moves_the_deadline_and_keeps_the_old_one()
    {
        var item = Assigned(Office);
        item.RequestExtension(new DateOnly(2025, 4, 30), "需跨部门协调", 2, Stamp);
        Assert.Equal("ExtensionIsRequestedOnceAtATime", CodeOf(() => item.RequestExtension(new DateOnly(2025, 5, 30), "再延", 2, Stamp)));

        item.DecideExtension(true, null, Stamp);

        Assert.Equal(new DateOnly(2025, 4, 30), item.DueDate);
        Assert.Equal(1, item.ExtensionsApproved);
        var extension = Assert.Single(item.Extensions);
        Assert.Equal((new DateOnly(2025, 3, 31), ExtensionDecision.Approved), (extension.PreviousDate, extension.Decision));
        var moved = item.History.Last(h => h.Change == ItemChange.DeadlineChanged);
        Assert.Equal(("2025年3月31日", "2025年4月30日"), (moved.From, moved.To));
    }

    [Fact]
    public void A_rejected_extension_leaves_the_deadline_and_needs_a_reason()
    {
        var item = Assigned(Office);
        item.RequestExtension(new DateOnly(2025, 4, 30), "需跨部门协调", 2, Stamp);
        Assert.Equal("ReasonIsRequired", CodeOf(() => item.DecideExtension(false, " ", Stamp)));

        item.DecideExtension(false, "时限内可以完成", Stamp);

        Assert.Equal(new DateOnly(2025, 3, 31), item.DueDate);
        Assert.Equal(0, item.ExtensionsApproved);
        Assert.Equal(ExtensionDecision.Rejected, item.Extensions.Single().Decision);
        Assert.Equal("ExtensionIsPending", CodeOf(() => item.DecideExtension(true, null, Stamp)));
    }

    [Fact]
    public void Extensions_are_refused_beyond_the_maximum_for_earlier_dates_and_without_a_deadline()
    {
        var item = Assigned(Office);
        Assert.Equal("ExtensionMovesDeadlineLater", CodeOf(() => item.RequestExtension(new DateOnly(2025, 3, 31), "理由", 1, Stamp)));
        item.RequestExtension(new DateOnly(2025, 4, 30), "理由", 1, Stamp);
        item.DecideExtension(true, null, Stamp);
        Assert.Equal("ExtensionsAreLimited", CodeOf(() => item.RequestExtension(new DateOnly(2025, 5, 30), "理由", 1, Stamp)));

        var longTerm = ItemFactory.New();
        longTerm.Assign(new Assignment(null, Office, [], null), Deadline.LongTerm, null, Stamp);
        Assert.Equal("ExtensionNeedsDeadline", CodeOf(() => longTerm.RequestExtension(new DateOnly(2025, 5, 30), "理由", 2, Stamp)));
    }

    [Fact]
    public void Withdrawn_evidence_does_not_count_and_submitted_evidence_cannot_be_withdrawn()
    {
        var item = ItemFactory.In(ItemStatus.Completed);
        var first = item.AttachEvidence(ItemFactory.Proof("初稿.pdf"), null, null, new DateOnly(2025, 1, 10), Stamp);
        item.WithdrawEvidence(first.Id, "上传错了", Stamp);
        Assert.True(first.IsWithdrawn);
        Assert.Equal("CloseOutNeedsEvidence", CodeOf(() => item.RequestCloseOut("已完成", Stamp)));
        Assert.Equal("EvidenceIsWithdrawableOnlyBeforeCloseOut", CodeOf(() => item.WithdrawEvidence(first.Id, "再撤", Stamp)));
        Assert.Equal("EvidenceBelongsToItem", CodeOf(() => item.WithdrawEvidence(Guid.NewGuid(), "别的事项的材料", Stamp)));

        var second = item.AttachEvidence(ItemFactory.Proof("会议纪要.pdf"), null, null, new DateOnly(2025, 1, 10), Stamp);
        item.RequestCloseOut("已完成", Stamp);
        Assert.Equal(Stamp.At, second.SubmittedAt);

        item.ReviewCloseOut(false, "佐证不足", Stamp);
        Assert.Equal("EvidenceIsWithdrawableOnlyBeforeCloseOut", CodeOf(() => item.WithdrawEvidence(second.Id, "换一份", Stamp)));
        Assert.Equal(2, item.Evidence.Count);
    }

    [Fact]
    public void The_office_checklist_demands_evidence_for_each_marked_measure()
    {
        var item = ItemFactory.New();
        var first = item.AddMeasure("修订制度", null, null, Stamp);
        var second = item.AddMeasure("组织学习", null, null, Stamp);
        item.RequireMeasureEvidence(second.Id, true, Stamp);
        item.Start(Stamp);
        item.CompleteMeasure(first.Id, new DateOnly(2025, 1, 10), Stamp);
        item.CompleteMeasure(second.Id, new DateOnly(2025, 1, 10), Stamp);
        item.MarkCompleted(Stamp);
        item.AttachEvidence(ItemFactory.Proof("制度.pdf"), first.Id, null, new DateOnly(2025, 1, 10), Stamp);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => item.RequestCloseOut("已完成", Stamp));
        Assert.Equal("CloseOutNeedsMeasureEvidence", refused.Code);
        Assert.Contains("第2项", refused.Message, StringComparison.Ordinal);

        item.AttachEvidence(ItemFactory.Proof("签到表.pdf"), second.Id, null, new DateOnly(2025, 1, 10), Stamp);
        item.RequestCloseOut("已完成", Stamp);
        Assert.Equal(ItemStatus.CloseOutRequested, item.Status);
    }

    [Fact]
    public void Evidence_for_a_measure_of_another_item_is_refused()
    {
        var item = ItemFactory.In(ItemStatus.InProgress);
        Assert.Equal("MeasureBelongsToItem", CodeOf(() => item.AttachEvidence(ItemFactory.Proof("x.pdf"), Guid.NewGuid(), null, new DateOnly(2025, 1, 1), Stamp)));
    }

    [Theory]
    [InlineData(3, 31, false)]
    [InlineData(4, 1, true)]
    public void A_close_out_after_the_deadline_is_recorded_as_closed_late(int month, int day, bool late)
    {
        var item = Assigned(Office, new DateOnly(2025, 3, 31));
        item.Start(Stamp);
        item.MarkCompleted(Stamp);
        item.AttachEvidence(ItemFactory.Proof("纪要.pdf"), null, null, new DateOnly(2025, 1, 10), Stamp);
        item.RequestCloseOut("已完成", Stamp);
        item.ReviewCloseOut(true, null, Stamp);

        item.DecideCloseOut(true, null, On(2025, month, day));

        Assert.Equal(late, item.ClosedLate);
        Assert.NotNull(item.ClosedOutAt);

        item.Reopen("回头看发现反弹", Stamp);
        Assert.False(item.ClosedLate);
        Assert.Null(item.ClosedOutAt);
    }
}
