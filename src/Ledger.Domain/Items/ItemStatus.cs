namespace Ledger.Domain.Items;

/// <summary>整改状态. Numeric values follow the lifecycle so sorting by status reads in order.</summary>
public enum ItemStatus
{
    NotStarted = 0,
    InProgress = 1,
    PartiallyDone = 2,
    Completed = 3,
    CloseOutRequested = 4,
    ClosedOut = 5,
}

/// <summary>What a user can do to an item's status; <see cref="ItemLifecycle"/> says from which statuses.</summary>
public enum ItemAction
{
    Start,
    MarkPartiallyDone,
    MarkCompleted,
    Resume,
    RequestCloseOut,
    ReviewCloseOut,
    DecideCloseOut,
    Reopen,
    ReportProgress,

    /// <summary>Edit the problem, assign, add or complete measures, attach evidence.</summary>
    ChangeWork,

    /// <summary>签收 by the lead department.</summary>
    Acknowledge,
    WithdrawEvidence,
    RequestExtension,
    DecideExtension,

    /// <summary>催办 by hand: the office or the responsible leader chases the item with their own words.</summary>
    Chase,

    /// <summary>领导批示.</summary>
    Instruct,

    /// <summary>The lead department marks the leaders' 批示 已阅.</summary>
    ReadInstructions,

    /// <summary>督办通知: the office issues a numbered 督办单 for the item.</summary>
    Supervise,
}

/// <summary>The lifecycle of domain.md as data: which action is allowed in which status, and how users name both.</summary>
public static class ItemLifecycle
{
    private static readonly ItemStatus[] Working =
        [ItemStatus.NotStarted, ItemStatus.InProgress, ItemStatus.PartiallyDone, ItemStatus.Completed];

    private static readonly Dictionary<ItemAction, ItemStatus[]> AllowedFrom = new()
    {
        [ItemAction.Start] = [ItemStatus.NotStarted],
        [ItemAction.MarkPartiallyDone] = [ItemStatus.InProgress],
        [ItemAction.MarkCompleted] = [ItemStatus.InProgress, ItemStatus.PartiallyDone],
        [ItemAction.Resume] = [ItemStatus.PartiallyDone, ItemStatus.Completed],
        [ItemAction.RequestCloseOut] = [ItemStatus.Completed],
        [ItemAction.ReviewCloseOut] = [ItemStatus.CloseOutRequested],
        [ItemAction.DecideCloseOut] = [ItemStatus.CloseOutRequested],
        [ItemAction.Reopen] = [ItemStatus.ClosedOut],
        [ItemAction.ReportProgress] = [.. Working, ItemStatus.CloseOutRequested],
        [ItemAction.ChangeWork] = Working,
        [ItemAction.Acknowledge] = Working,
        [ItemAction.WithdrawEvidence] = Working,
        [ItemAction.RequestExtension] = [ItemStatus.NotStarted, ItemStatus.InProgress, ItemStatus.PartiallyDone],
        [ItemAction.DecideExtension] = [.. Working, ItemStatus.CloseOutRequested],
        [ItemAction.Chase] = [ItemStatus.NotStarted, ItemStatus.InProgress, ItemStatus.PartiallyDone],
        [ItemAction.Instruct] = [.. Working, ItemStatus.CloseOutRequested],
        [ItemAction.ReadInstructions] = [.. Working, ItemStatus.CloseOutRequested, ItemStatus.ClosedOut],
        [ItemAction.Supervise] = [ItemStatus.NotStarted, ItemStatus.InProgress, ItemStatus.PartiallyDone],
    };

    /// <summary>
    /// From this status on the work is done: such items are never overdue and get no reminders.
    /// <see cref="ItemStatus"/> values follow the lifecycle, so queries can say <c>Status &lt; FirstSettled</c>.
    /// </summary>
    public const ItemStatus FirstSettled = ItemStatus.Completed;

    public static bool IsAllowed(ItemAction action, ItemStatus status) => AllowedFrom[action].Contains(status);

    /// <summary>逾期销号: closed out on a China date after the deadline in force then. Long-term and undated items never are.</summary>
    public static bool IsClosedLate(Deadline deadline, DateOnly closedOn) =>
        !deadline.IsLongTerm && deadline.Date is { } due && closedOn > due;

    public static string ToChinese(this ItemStatus status) => status switch
    {
        ItemStatus.NotStarted => "未启动",
        ItemStatus.InProgress => "整改中",
        ItemStatus.PartiallyDone => "阶段性完成",
        ItemStatus.Completed => "已完成",
        ItemStatus.CloseOutRequested => "销号申请中",
        ItemStatus.ClosedOut => "已销号",
        _ => status.ToString(),
    };

    public static string ToChinese(this ItemAction action) => action switch
    {
        ItemAction.Start => "启动整改",
        ItemAction.MarkPartiallyDone => "标记阶段性完成",
        ItemAction.MarkCompleted => "标记已完成",
        ItemAction.Resume => "退回整改中",
        ItemAction.RequestCloseOut => "申请销号",
        ItemAction.ReviewCloseOut => "审核销号申请",
        ItemAction.DecideCloseOut => "审批销号申请",
        ItemAction.Reopen => "回头看重新打开",
        ItemAction.ReportProgress => "报送进展",
        ItemAction.ChangeWork => "修改分工、措施或佐证材料",
        ItemAction.Acknowledge => "签收",
        ItemAction.WithdrawEvidence => "撤回佐证材料",
        ItemAction.RequestExtension => "申请延期",
        ItemAction.DecideExtension => "审批延期申请",
        ItemAction.Chase => "催办",
        ItemAction.Instruct => "领导批示",
        ItemAction.ReadInstructions => "批示已阅",
        ItemAction.Supervise => "督办通知",
        _ => action.ToString(),
    };
}
