using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

/// <summary>Evidence a close-out request relied on is on record for good; only evidence never submitted may be withdrawn, once.</summary>
public sealed class EvidenceIsWithdrawableOnlyBeforeCloseOut(Evidence evidence) : IBusinessRule
{
    public bool IsBroken() => evidence.IsWithdrawn || evidence.SubmittedAt is not null;

    public string Message => evidence.IsWithdrawn
        ? "该佐证材料已撤回。"
        : "该佐证材料已随销号申请提交，不能撤回。";
}
