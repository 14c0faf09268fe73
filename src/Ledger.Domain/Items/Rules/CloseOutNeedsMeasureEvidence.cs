using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

/// <summary>The office's checklist: each measure it marked must have its own evidence before 销号.</summary>
public sealed class CloseOutNeedsMeasureEvidence(IReadOnlyList<int> measuresWithoutEvidence) : IBusinessRule
{
    public bool IsBroken() => measuresWithoutEvidence.Count > 0;

    public string Message => $"整改办要求以下整改措施提交佐证材料后方可申请销号：第{string.Join("、", measuresWithoutEvidence)}项。";
}
