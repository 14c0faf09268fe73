using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class LeadDepartmentIsNotCoDepartment(Guid? leadDepartmentId, IEnumerable<Guid> coDepartmentIds) : IBusinessRule
{
    public bool IsBroken() => leadDepartmentId is { } lead && coDepartmentIds.Contains(lead);

    public string Message => "牵头部门不能同时作为配合部门。";
}
