using System.Text.Json;

namespace Ledger.Application.Auditing;

/// <param name="Entity">The record's type as stored (RectificationItem); <paramref name="EntityText"/> names it in Chinese.</param>
/// <param name="Id">The record written; empty for a count of records of one kind (notifications sent, say).</param>
public sealed record AuditChange(string Entity, string EntityText, Guid Id, string StateText, IReadOnlyList<AuditValue> Values);

/// <param name="Name">The field as stored; null <paramref name="From"/> on a new record, null <paramref name="To"/> on a deleted one.</param>
public sealed record AuditValue(string Name, string? From, string? To);

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

    private static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        ["Added"] = "新增",
        ["Modified"] = "修改",
        ["Deleted"] = "删除",
    };

    /// <summary>The Chinese name of a kind of record, or the stored name for one this list does not know.</summary>
    public static string EntityText(string entity) => Entities.GetValueOrDefault(entity, entity);

    /// <summary>The changes as <see cref="AuditRecordDto.Changes"/> holds them (the audit trail's JSON), in order.</summary>
    public static IReadOnlyList<AuditChange> Read(JsonElement changes) =>
        changes.ValueKind != JsonValueKind.Array
            ? []
            : [.. changes.EnumerateArray().Select(change =>
            {
                var entity = Text(change, "Entity") ?? string.Empty;
                var state = Text(change, "State") ?? string.Empty;
                var values = change.TryGetProperty("Values", out var v) && v.ValueKind == JsonValueKind.Object
                    ? v.EnumerateObject().Select(p => new AuditValue(p.Name, Text(p.Value, "From"), Text(p.Value, "To"))).ToList()
                    : [];
                return new AuditChange(
                    entity,
                    EntityText(entity),
                    change.TryGetProperty("Id", out var id) && id.TryGetGuid(out var guid) ? guid : Guid.Empty,
                    States.GetValueOrDefault(state, state),
                    values);
            })];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
