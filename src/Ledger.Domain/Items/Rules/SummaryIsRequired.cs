using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class SummaryIsRequired(string? summary) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(summary);

    public string Message => "申请销号须填写整改完成情况说明。";
}
