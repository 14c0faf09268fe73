using Ledger.Domain.Common;

namespace Ledger.Domain.Organisation;

/// <summary>责任部门: a unit that does rectification work. Deactivated, never deleted while referenced.</summary>
public sealed class Department : AggregateRoot
{
    private Department()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public bool IsActive { get; private set; }

    public static Department Create(string name, ChangeStamp stamp)
    {
        var department = new Department { Name = Text.RequiredLine(name, "Name"), IsActive = true };
        department.MarkCreated(stamp);
        return department;
    }

    public void Rename(string name, ChangeStamp stamp)
    {
        Name = Text.RequiredLine(name, "Name");
        Touch(stamp);
    }

    public void SetActive(bool active, ChangeStamp stamp)
    {
        IsActive = active;
        Touch(stamp);
    }
}
