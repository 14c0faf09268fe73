using Ledger.Domain.Common;

namespace Ledger.Domain.Rounds.Rules;

public sealed class AspectMustBelongToRound(bool belongs) : IBusinessRule
{
    public bool IsBroken() => !belongs;

    public string Message => "所选方面不属于该巡察轮次。";
}
