namespace Ledger.Application.Auditing;

/// <summary>What supervisors read for an audit record's action: the command's name in the users' words.</summary>
public static class AuditActions
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["AcknowledgeItem"] = "签收",
        ["AddAspect"] = "新增方面",
        ["AddMeasure"] = "新增整改措施",
        ["AssignItem"] = "责任分工",
        ["AssignItems"] = "批量分工",
        ["AttachEvidence"] = "上传佐证材料",
        ["ChangePassword"] = "修改密码",
        ["ChaseItem"] = "催办",
        ["CompleteMeasure"] = "整改措施完成",
        ["CreateDepartment"] = "新增部门",
        ["CreateItem"] = "新增整改事项",
        ["CreatePerson"] = "新增人员",
        ["CreateRound"] = "新建巡察轮次",
        ["CreateUser"] = "新增用户",
        ["DecideCloseOut"] = "审批销号申请",
        ["DecideExtension"] = "审批延期申请",
        ["DeleteCalendarDay"] = "删除节假日/调休",
        ["DeleteDepartment"] = "删除部门",
        ["DeletePerson"] = "删除人员",
        ["DeliverNotifications"] = "投递提醒通知",
        ["EditReport"] = "填写整改情况通报",
        ["EditItem"] = "修改问题内容",
        ["ImportLedgerSheet"] = "导入 Excel 台账",
        ["ImportReport"] = "导入整改报告",
        ["InstructItem"] = "领导批示",
        ["LockedOut"] = "账号锁定",
        ["MarkAllNotificationsRead"] = "通知全部标为已读",
        ["MarkItemCompleted"] = "标记已完成",
        ["MarkItemPartiallyDone"] = "标记阶段性完成",
        ["MarkNotificationRead"] = "通知标为已读",
        ["PublishReport"] = "发布整改情况通报",
        ["ReadInstructions"] = "批示已阅",
        ["RecordReminders"] = "记录到期提醒",
        ["RenameAspect"] = "修改方面名称",
        ["RenameDepartment"] = "修改部门名称",
        ["ReopenItem"] = "回头看重新打开",
        ["ReportProgress"] = "报送进展情况",
        ["RequestCloseOut"] = "申请销号",
        ["RequestExtension"] = "申请延期",
        ["RequireMeasureEvidence"] = "设置措施佐证要求",
        ["ResetPassword"] = "重置密码",
        ["RefreshTokenReused"] = "刷新令牌被重复使用",
        ["ResumeItem"] = "退回整改中",
        ["SuperviseDepartment"] = "部门督办通知",
        ["SuperviseItem"] = "督办通知",
        ["RetryEmailDelivery"] = "重新发送提醒邮件",
        ["ReviewCloseOut"] = "审核销号申请",
        ["SeedWorkingCalendar"] = "导入节假日安排",
        ["SignIn"] = "登录",
        ["SignInFailed"] = "登录失败",
        ["SignOut"] = "退出登录",
        ["SetCalendarDay"] = "设置节假日/调休",
        ["SetDepartmentActive"] = "启用或停用部门",
        ["SetPersonActive"] = "启用或停用人员",
        ["StartItem"] = "启动整改",
        ["UpdateMyNotificationSettings"] = "修改通知设置",
        ["UpdatePerson"] = "修改人员信息",
        ["UpdateReminderSettings"] = "修改提醒设置",
        ["UpdateRound"] = "修改巡察轮次",
        ["UpdateUser"] = "修改用户",
        ["UpdateWorkflowSettings"] = "修改流程设置",
        ["WithdrawEvidence"] = "撤回佐证材料",
        ["WriteReportItemText"] = "改写通报中的整改情况",
    };

    /// <summary>The actions by what they are about, for a filter that lists 50-odd actions in a few groups; each action once.</summary>
    public static readonly IReadOnlyList<(string Group, IReadOnlyList<string> Actions)> Groups =
    [
        ("事项办理", ["CreateItem", "EditItem", "AcknowledgeItem", "StartItem", "ReportProgress", "AddMeasure", "CompleteMeasure", "RequireMeasureEvidence", "AttachEvidence", "WithdrawEvidence", "MarkItemPartiallyDone", "MarkItemCompleted"]),
        ("分工与时限", ["AssignItem", "AssignItems", "RequestExtension", "DecideExtension"]),
        ("销号", ["RequestCloseOut", "ReviewCloseOut", "DecideCloseOut", "ResumeItem", "ReopenItem"]),
        ("催办督办与批示", ["ChaseItem", "SuperviseItem", "SuperviseDepartment", "InstructItem", "ReadInstructions"]),
        ("巡察轮次与导入", ["CreateRound", "UpdateRound", "AddAspect", "RenameAspect", "ImportReport", "ImportLedgerSheet"]),
        ("整改情况通报", ["EditReport", "WriteReportItemText", "PublishReport"]),
        ("提醒与通知", ["RecordReminders", "DeliverNotifications", "RetryEmailDelivery", "MarkNotificationRead", "MarkAllNotificationsRead", "UpdateMyNotificationSettings"]),
        ("部门与人员", ["CreateDepartment", "RenameDepartment", "SetDepartmentActive", "DeleteDepartment", "CreatePerson", "UpdatePerson", "SetPersonActive", "DeletePerson"]),
        ("账号与登录", ["CreateUser", "UpdateUser", "ResetPassword", "ChangePassword", "SignIn", "SignInFailed", "SignOut", "LockedOut", "RefreshTokenReused"]),
        ("系统设置", ["UpdateReminderSettings", "UpdateWorkflowSettings", "SetCalendarDay", "DeleteCalendarDay", "SeedWorkingCalendar"]),
    ];

    public static IReadOnlyCollection<string> Known => Chinese.Keys;

    /// <summary>The Chinese name, or the action itself for records written by a command that no longer exists.</summary>
    public static string ToChinese(string action) => Chinese.GetValueOrDefault(action, action);
}
