using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class ActionMustBeAllowed(ItemAction action, ItemStatus status) : IBusinessRule
{
    public bool IsBroken() => !ItemLifecycle.IsAllowed(action, status);

    public string Message => $"事项当前状态为“{status.ToChinese()}”，不能{action.ToChinese()}。";
}
