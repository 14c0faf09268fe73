using Ledger.Domain.Common;

namespace Ledger.Domain.Reports.Rules;

/// <summary>A report goes out with open consistency issues only when whoever publishes it says they have looked at them.</summary>
public sealed class ConsistencyIssuesMustBeReviewed(int openIssues, bool reviewed) : IBusinessRule
{
    public bool IsBroken() => openIssues > 0 && !reviewed;

    public string Message => $"一致性检查还有{openIssues}项问题，请逐项核对并确认后再发布。";
}
