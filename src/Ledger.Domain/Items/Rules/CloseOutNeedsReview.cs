using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class CloseOutNeedsReview(bool reviewed) : IBusinessRule
{
    public bool IsBroken() => !reviewed;

    public string Message => "销号申请尚未经整改办审核通过，不能审批。";
}
