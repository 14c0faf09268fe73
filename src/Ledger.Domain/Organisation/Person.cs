using Ledger.Domain.Common;

namespace Ledger.Domain.Organisation;

/// <summary>
/// Someone the ledger names: a 责任人 in a department, or a 责任领导 (a member of the leadership,
/// <see cref="IsLeader"/>), who may have no department.
/// </summary>
public sealed class Person : AggregateRoot
{
    private Person()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>职务, e.g. 副检察长.</summary>
    public string? Position { get; private set; }

    public Guid? DepartmentId { get; private set; }

    public bool IsLeader { get; private set; }

    public bool IsActive { get; private set; }

    public static Person Create(string name, string? position, Guid? departmentId, bool isLeader, ChangeStamp stamp)
    {
        var person = new Person { IsActive = true };
        person.SetDetails(name, position, departmentId, isLeader);
        person.MarkCreated(stamp);
        return person;
    }

    public void Update(string name, string? position, Guid? departmentId, bool isLeader, ChangeStamp stamp)
    {
        SetDetails(name, position, departmentId, isLeader);
        Touch(stamp);
    }

    public void SetActive(bool active, ChangeStamp stamp)
    {
        IsActive = active;
        Touch(stamp);
    }

    private void SetDetails(string name, string? position, Guid? departmentId, bool isLeader)
    {
        Name = Text.RequiredLine(name, "Name");
        Position = PlainText.Line(position);
        DepartmentId = departmentId;
        IsLeader = isLeader;
    }
}
