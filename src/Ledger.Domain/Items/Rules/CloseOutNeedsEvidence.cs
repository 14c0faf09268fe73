using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class CloseOutNeedsEvidence(int evidenceCount) : IBusinessRule
{
    public bool IsBroken() => evidenceCount == 0;

    public string Message => "申请销号须至少提交一份佐证材料。";
}
