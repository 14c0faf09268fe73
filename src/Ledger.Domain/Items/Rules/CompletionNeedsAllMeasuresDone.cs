using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class CompletionNeedsAllMeasuresDone(int openMeasures) : IBusinessRule
{
    public bool IsBroken() => openMeasures > 0;

    public string Message => $"还有{openMeasures}项整改措施未完成，事项不能标记为已完成。";
}
