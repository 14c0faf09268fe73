namespace Ledger.Domain.Items;

/// <summary>配合部门: a department that helps the lead department with an item.</summary>
public sealed class ItemCoDepartment
{
    private ItemCoDepartment()
    {
    }

    internal ItemCoDepartment(Guid itemId, Guid departmentId)
    {
        ItemId = itemId;
        DepartmentId = departmentId;
    }

    public Guid ItemId { get; private init; }

    public Guid DepartmentId { get; private init; }
}
