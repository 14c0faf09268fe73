using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class CloseOutIsReviewedOnce(bool reviewed) : IBusinessRule
{
    public bool IsBroken() => reviewed;

    public string Message => "该销号申请已审核通过，等待领导审批。";
}
