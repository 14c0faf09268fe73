using Ledger.Domain.Common;
using Ledger.Domain.Items;
using static Ledger.Domain.Items.ItemStatus;

namespace Ledger.Domain.Tests.Items;

public class LifecycleTests
{
    private static readonly ChangeStamp Stamp = ItemFactory.Stamp;

    /// <summary>domain.md's lifecycle, written out by hand: action, from, to. Every pair not listed is forbidden.</summary>
    private static readonly (ItemAction Action, ItemStatus From, ItemStatus To)[] Allowed =
    [
        (ItemAction.Start, NotStarted, InProgress),
        (ItemAction.MarkPartiallyDone, InProgress, PartiallyDone),
        (ItemAction.MarkCompleted, InProgress, Completed),
        (ItemAction.MarkCompleted, PartiallyDone, Completed),
        (ItemAction.Resume, PartiallyDone, InProgress),
        (ItemAction.Resume, Completed, InProgress),
        (ItemAction.RequestCloseOut, Completed, CloseOutRequested),
        (ItemAction.ReviewCloseOut, CloseOutRequested, CloseOutRequested),
        (ItemAction.DecideCloseOut, CloseOutRequested, ClosedOut),
        (ItemAction.Reopen, ClosedOut, InProgress),
    ];

    private static readonly ItemAction[] Transitions =
    [
        ItemAction.Start, ItemAction.MarkPartiallyDone, ItemAction.MarkCompleted, ItemAction.Resume,
        ItemAction.RequestCloseOut, ItemAction.ReviewCloseOut, ItemAction.DecideCloseOut, ItemAction.Reopen,
    ];

    public static TheoryData<ItemAction, ItemStatus> AllowedPairs()
    {
        var data = new TheoryData<ItemAction, ItemStatus>();
        foreach (var (action, from, _) in Allowed)
        {
            data.Add(action, from);
        }

        return data;
    }

    public static TheoryData<ItemAction, ItemStatus> ForbiddenPairs()
    {
        var data = new TheoryData<ItemAction, ItemStatus>();
        foreach (var action in Transitions)
        {
            foreach (var status in Enum.GetValues<ItemStatus>().Where(s => !Allowed.Any(a => a.Action == action && a.From == s)))
            {
                data.Add(action, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Allowed_transition_moves_to_the_expected_status_and_is_recorded(ItemAction action, ItemStatus from)
    {
        var item = ItemFactory.In(from);
        var historyBefore = item.History.Count;
        var versionBefore = item.Version;

        Apply(item, action);

        Assert.Equal(Allowed.Single(a => a.Action == action && a.From == from).To, item.Status);
        Assert.True(item.History.Count > historyBefore);
        Assert.NotEqual(versionBefore, item.Version);
        Assert.True(ItemLifecycle.IsAllowed(action, from));
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void Forbidden_transition_is_refused_and_changes_nothing(ItemAction action, ItemStatus from)
    {
        var item = ItemFactory.In(from);
        var historyBefore = item.History.Count;

        var error = Assert.Throws<BusinessRuleViolationException>(() => Apply(item, action));

        Assert.Equal("ActionMustBeAllowed", error.Code);
        Assert.Contains(from.ToChinese(), error.Message, StringComparison.Ordinal);
        Assert.Equal(from, item.Status);
        Assert.Equal(historyBefore, item.History.Count);
        Assert.False(ItemLifecycle.IsAllowed(action, from));
    }

    [Fact]
    public void The_lifecycle_allows_exactly_the_listed_transitions()
    {
        foreach (var status in Enum.GetValues<ItemStatus>())
        {
            var expected = Allowed.Where(a => a.From == status).Select(a => a.Action).Distinct().Order();
            var actual = Transitions.Where(a => ItemLifecycle.IsAllowed(a, status)).Distinct().Order();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Return_by_the_office_or_rejection_by_a_leader_sends_the_item_back_to_work_with_the_reason()
    {
        var returned = ItemFactory.In(CloseOutRequested);
        returned.ReviewCloseOut(false, "佐证材料不足", Stamp);
        Assert.Equal(InProgress, returned.Status);
        Assert.Equal("佐证材料不足", returned.History[^1].Reason);

        var rejected = ItemFactory.In(CloseOutRequested);
        rejected.ReviewCloseOut(true, null, Stamp);
        rejected.DecideCloseOut(false, "整改不到位", Stamp);
        Assert.Equal(InProgress, rejected.Status);
        Assert.Equal("整改不到位", rejected.History[^1].Reason);
        Assert.Null(rejected.CloseOutReviewedAt);
    }

    private static void Apply(RectificationItem item, ItemAction action)
    {
        switch (action)
        {
            case ItemAction.Start: item.Start(Stamp); break;
            case ItemAction.MarkPartiallyDone: item.MarkPartiallyDone("长期措施持续推进", Stamp); break;
            case ItemAction.MarkCompleted: item.MarkCompleted(Stamp); break;
            case ItemAction.Resume: item.Resume("仍需继续整改", Stamp); break;
            case ItemAction.RequestCloseOut:
                if (item.Status == Completed)
                {
                    item.AttachEvidence(ItemFactory.Proof("制度.docx"), null, null, new DateOnly(2025, 1, 1), Stamp);
                }

                item.RequestCloseOut("已完成", Stamp);
                break;
            case ItemAction.ReviewCloseOut: item.ReviewCloseOut(true, null, Stamp); break;
            case ItemAction.DecideCloseOut:
                if (item.Status == CloseOutRequested)
                {
                    item.ReviewCloseOut(true, null, Stamp);
                }

                item.DecideCloseOut(true, null, Stamp);
                break;
            case ItemAction.Reopen: item.Reopen("回头看发现反弹", Stamp); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
