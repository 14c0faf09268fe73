using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class AcknowledgeNeedsLeadDepartment(Guid? leadDepartmentId) : IBusinessRule
{
    public bool IsBroken() => leadDepartmentId is null;

    public string Message => "事项尚未明确牵头部门，不能签收。";
}
