namespace Ledger.Domain.Items;

/// <summary>A department or person named by an assignment, with the name the history shows.</summary>
public sealed record Assignee(Guid Id, string Name);

/// <summary>责任分工: responsible leader, lead department, co-departments and responsible person.</summary>
public sealed record Assignment(
    Assignee? ResponsibleLeader,
    Assignee? LeadDepartment,
    IReadOnlyList<Assignee> CoDepartments,
    Assignee? ResponsiblePerson)
{
    public string Describe() =>
        $"责任领导：{ResponsibleLeader?.Name ?? "未定"}；牵头部门：{LeadDepartment?.Name ?? "未定"}；" +
        $"配合部门：{(CoDepartments.Count == 0 ? "无" : string.Join("、", CoDepartments.Select(d => d.Name)))}；" +
        $"责任人：{ResponsiblePerson?.Name ?? "未定"}";
}
