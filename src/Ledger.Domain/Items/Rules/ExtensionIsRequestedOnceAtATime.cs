using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class ExtensionIsRequestedOnceAtATime(bool pending) : IBusinessRule
{
    public bool IsBroken() => pending;

    public string Message => "已有待审批的延期申请，请等待领导审批后再申请。";
}
