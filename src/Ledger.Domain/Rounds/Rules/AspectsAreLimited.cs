using Ledger.Domain.Common;

namespace Ledger.Domain.Rounds.Rules;

/// <summary>The report heads each aspect with a Chinese numeral, （一） to （九十九）: a round has no more aspects than that.</summary>
public sealed class AspectsAreLimited(int count) : IBusinessRule
{
    public const int Maximum = 99;

    public bool IsBroken() => count >= Maximum;

    public string Message => $"一个巡察轮次至多{Maximum}个方面。";
}
