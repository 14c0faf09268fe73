using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class ReasonIsRequired(string? reason, string action) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);

    public string Message => $"{action}须填写理由。";
}
