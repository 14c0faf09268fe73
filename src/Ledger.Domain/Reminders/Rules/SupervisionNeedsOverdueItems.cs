using Ledger.Domain.Common;

namespace Ledger.Domain.Reminders.Rules;

public sealed class SupervisionNeedsOverdueItems(int overdue) : IBusinessRule
{
    public bool IsBroken() => overdue == 0;

    public string Message => "该部门牵头的事项没有超期未完成的，无需督办。";
}
