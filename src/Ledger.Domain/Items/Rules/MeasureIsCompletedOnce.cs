using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class MeasureIsCompletedOnce(bool done) : IBusinessRule
{
    public bool IsBroken() => done;

    public string Message => "该整改措施已完成，不能重复完成。";
}
