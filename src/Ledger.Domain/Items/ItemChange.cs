namespace Ledger.Domain.Items;

/// <summary>What an entry of an item's history records.</summary>
public enum ItemChange
{
    Created = 0,
    Edited = 1,
    Assigned = 2,
    DeadlineChanged = 3,
    StatusChanged = 4,
    MeasureAdded = 5,
    MeasureCompleted = 6,
    ProgressReported = 7,
    EvidenceAttached = 8,
    CloseOutReviewed = 9,
    Acknowledged = 10,
    EvidenceWithdrawn = 11,
    ExtensionRequested = 12,
    ExtensionDecided = 13,
    EvidenceChecklistChanged = 14,
    Chased = 15,
    Instructed = 16,
    InstructionsRead = 17,
    Supervised = 18,
}

public static class ItemChanges
{
    /// <summary>The kind of an item's history entry as users call it: the one wording the history and the audit trail share.</summary>
    public static string ToChinese(this ItemChange change) => change switch
    {
        ItemChange.Created => "登记事项",
        ItemChange.Edited => "修改问题内容",
        ItemChange.Assigned => "责任分工",
        ItemChange.DeadlineChanged => "调整时限",
        ItemChange.StatusChanged => "状态变更",
        ItemChange.MeasureAdded => "新增整改措施",
        ItemChange.MeasureCompleted => "整改措施完成",
        ItemChange.ProgressReported => "报送进展情况",
        ItemChange.EvidenceAttached => "提交佐证材料",
        ItemChange.CloseOutReviewed => "销号审核",
        ItemChange.Acknowledged => "签收",
        ItemChange.EvidenceWithdrawn => "撤回佐证材料",
        ItemChange.ExtensionRequested => "申请延期",
        ItemChange.ExtensionDecided => "审批延期",
        ItemChange.EvidenceChecklistChanged => "调整佐证要求",
        ItemChange.Chased => "催办",
        ItemChange.Instructed => "领导批示",
        ItemChange.InstructionsRead => "批示已阅",
        ItemChange.Supervised => "督办",
        _ => change.ToString(),
    };
}
