using System.Globalization;
using System.Text.Json;
using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Application.Auditing;

/// <param name="Entity">The record's type as stored (RectificationItem); <paramref name="EntityText"/> names it in Chinese.</param>
/// <param name="Id">The record written; empty for a count of records of one kind (notifications sent, say).</param>
/// <param name="Name">What <paramref name="Id"/> is called (a department's name, an item's tag and title), where known.</param>
public sealed record AuditChange(string Entity, string EntityText, Guid Id, string StateText, IReadOnlyList<AuditValue> Values, string? Name = null);

/// <param name="Name">The field as stored, <paramref name="Label"/> its name in Chinese (the stored name where none is known).</param>
/// <param name="From">
/// Null on a new record; a status, a kind of history entry, a date, time or yes/no as the pages write it, an id by the name
/// of what it stands for, anything else as stored.
/// </param>
/// <param name="To">Null on a deleted record.</param>
public sealed record AuditValue(string Name, string Label, string? From, string? To);

/// <summary>What an audit record wrote, as supervisors read it: each record added, changed or deleted, with its values.</summary>
public static class AuditChanges
{
    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["Aspect"] = "方面",
        ["CalendarEntry"] = "工作日历",
        ["DeadlineExtension"] = "延期申请",
        ["Department"] = "部门",
        ["EmailDigest"] = "提醒邮件",
        ["Evidence"] = "佐证材料",
        ["IdentityUserRole`1"] = "用户角色",
        ["InspectionRound"] = "巡察轮次",
        ["ItemCoDepartment"] = "配合部门",
        ["ItemHistoryEntry"] = "事项记录",
        ["LedgerUser"] = "用户账号",
        ["Measure"] = "整改措施",
        ["Notification"] = "通知",
        ["Person"] = "人员",
        ["ProgressReport"] = "进展情况",
        ["PublishedReport"] = "已发布的通报",
        ["RectificationItem"] = "整改事项",
        ["RectificationReport"] = "整改情况通报",
        ["Reminder"] = "提醒",
        ["ReminderSettings"] = "提醒设置",
        ["ReportItemText"] = "通报中的整改情况",
        ["SourceDocument"] = "导入的文件",
        ["WorkflowSettings"] = "流程设置",
    };

    /// <summary>The fields of the ledger's records; names shared by several records (标题, 名称) are worded to fit them all.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["AcknowledgedAt"] = "签收时间",
        ["AcknowledgedBy"] = "签收人",
        ["Actor"] = "操作人",
        ["Address"] = "来源地址",
        ["AspectId"] = "方面",
        ["At"] = "时间",
        ["Change"] = "变更类型",
        ["CloseOutReviewedAt"] = "销号审核时间",
        ["CloseOutReviewedBy"] = "销号审核人",
        ["CloseOutSummary"] = "整改完成情况",
        ["ClosedLate"] = "逾期销号",
        ["ClosedOutAt"] = "销号时间",
        ["CompletedBy"] = "完成人",
        ["CompletedOn"] = "完成日期",
        ["ContentType"] = "文件类型",
        ["CreatedAt"] = "创建时间",
        ["CreatedBy"] = "创建人",
        ["Date"] = "日期",
        ["DeadlineAdjustments"] = "时限调整次数",
        ["DecidedAt"] = "审批时间",
        ["DecidedBy"] = "审批人",
        ["Decision"] = "审批结果",
        ["DecisionReason"] = "审批意见",
        ["DepartmentId"] = "部门",
        ["Description"] = "具体表现",
        ["DueDate"] = "整改时限",
        ["EffectiveDate"] = "材料日期",
        ["EvidenceRequired"] = "须佐证材料",
        ["ExtensionsApproved"] = "已批准延期次数",
        ["FeedbackDate"] = "反馈日期",
        ["FileName"] = "文件名",
        ["From"] = "原值",
        ["Id"] = "编号",
        ["ImportedAt"] = "导入时间",
        ["ImportedBy"] = "导入人",
        ["InspectedUnit"] = "被巡察党组织",
        ["InspectingTeam"] = "巡察组",
        ["InspectionEnd"] = "进驻结束日期",
        ["InspectionStart"] = "进驻开始日期",
        ["IsActive"] = "启用",
        ["IsLeader"] = "领导",
        ["IsLongTerm"] = "长期坚持",
        ["ItemId"] = "整改事项",
        ["Kind"] = "类别",
        ["LeadDepartmentId"] = "牵头部门",
        ["MeasureId"] = "整改措施",
        ["Name"] = "名称",
        ["NextSteps"] = "下一步工作",
        ["Note"] = "说明",
        ["Number"] = "序号",
        ["OriginalDueDate"] = "原定时限",
        ["Position"] = "职务",
        ["PreviousDate"] = "原整改时限",
        ["Problems"] = "存在问题",
        ["Progress"] = "本期进展",
        ["Reason"] = "理由",
        ["RecordedAt"] = "记录时间",
        ["RectificationPeriodEnd"] = "集中整改期限",
        ["ReportDate"] = "报送日期",
        ["ReportedBy"] = "报送人",
        ["RequestedAt"] = "申请时间",
        ["RequestedBy"] = "申请人",
        ["RequestedDate"] = "申请延至",
        ["ResponsibleLeaderId"] = "责任领导",
        ["ResponsiblePersonId"] = "责任人",
        ["RoundId"] = "巡察轮次",
        ["Sequence"] = "序号",
        ["Sha256"] = "SHA-256",
        ["SizeBytes"] = "文件大小（字节）",
        ["Status"] = "状态",
        ["SubmittedAt"] = "提交时间",
        ["Summary"] = "摘要",
        ["Text"] = "内容",
        ["Title"] = "标题",
        ["To"] = "新值",
        ["UpdatedAt"] = "修改时间",
        ["UpdatedBy"] = "修改人",
        ["UploadedAt"] = "上传时间",
        ["UploadedBy"] = "上传人",
        ["Version"] = "版本",
        ["WithdrawalReason"] = "撤回理由",
        ["WithdrawnAt"] = "撤回时间",
        ["WithdrawnBy"] = "撤回人",
        ["UserName"] = "登录名",
    };

    private static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        ["Added"] = "新增",
        ["Modified"] = "修改",
        ["Deleted"] = "删除",
        ["Event"] = "事件",
    };

    /// <summary>The Chinese name of a kind of record, or the stored name for one this list does not know.</summary>
    public static string EntityText(string entity) => Entities.GetValueOrDefault(entity, entity);

    /// <summary>The changes as <see cref="AuditRecordDto.Changes"/> holds them (the audit trail's JSON), in order.</summary>
    /// <param name="names">What ids stand for (<see cref="AuditNames"/>); an id without a name stays as stored.</param>
    public static IReadOnlyList<AuditChange> Read(JsonElement changes, IReadOnlyDictionary<Guid, string>? names = null) =>
        changes.ValueKind != JsonValueKind.Array
            ? []
            : [.. changes.EnumerateArray().Select(change =>
            {
                var entity = Text(change, "Entity") ?? string.Empty;
                var state = Text(change, "State") ?? string.Empty;
                var values = change.TryGetProperty("Values", out var v) && v.ValueKind == JsonValueKind.Object
                    ? v.EnumerateObject().Select(p => Value(entity, p.Name, Text(p.Value, "From"), Text(p.Value, "To"), names)).ToList()
                    : [];
                var own = change.TryGetProperty("Id", out var id) && id.TryGetGuid(out var guid) ? guid : Guid.Empty;
                return new AuditChange(entity, EntityText(entity), own, States.GetValueOrDefault(state, state), values, names?.GetValueOrDefault(own));
            })];

    // An item's status, and the statuses its history line moved between; a date, an instant (China's time) and a yes/no
    // as the pages write them. The record keeps them as stored; only the reading changes.
    private static AuditValue Value(string entity, string name, string? from, string? to, IReadOnlyDictionary<Guid, string>? names)
    {
        var isStatus = (entity, name) is (nameof(RectificationItem), "Status") or ("ItemHistoryEntry", "From" or "To");
        var isChange = (entity, name) is ("ItemHistoryEntry", "Change");
        var isId = name.EndsWith("Id", StringComparison.Ordinal) && names is not null;
        var label = entity == nameof(RectificationItem) && name == "Status" ? "整改状态" : Fields.GetValueOrDefault(name, name);
        return new AuditValue(name, label, Readable(from, isStatus, isChange, isId ? names : null), Readable(to, isStatus, isChange, isId ? names : null));
    }

    private static string? Readable(string? stored, bool isStatus, bool isChange, IReadOnlyDictionary<Guid, string>? names) => stored switch
    {
        null => null,
        _ when names is not null && Guid.TryParse(stored, out var id) && names.TryGetValue(id, out var name) => name,
        _ when isChange && !char.IsAsciiDigit(stored[0]) && Enum.TryParse<ItemChange>(stored, out var change) => change.ToChinese(),
        _ when isStatus && !char.IsAsciiDigit(stored[0]) && Enum.TryParse<ItemStatus>(stored, out var status) => status.ToChinese(),
        "True" => "是",
        "False" => "否",
        _ when stored.EndsWith('Z') && DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) =>
            ChinaCalendar.Format(new DateTimeOffset(at), seconds: true),
        _ when DateOnly.TryParseExact(stored, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => ChinaCalendar.Format(day),
        _ => stored,
    };

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
