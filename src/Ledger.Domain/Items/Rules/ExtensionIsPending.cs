using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class ExtensionIsPending(bool pending) : IBusinessRule
{
    public bool IsBroken() => !pending;

    public string Message => "该事项没有待审批的延期申请。";
}
