using Ledger.Domain.Common;

namespace Ledger.Domain.Reports.Rules;

/// <summary>Part one (how the rectification was organised) and part three (next steps) are people's words: the ledger cannot compose them.</summary>
public sealed class ReportPartsMustBeWritten(string? organisation, string? nextSteps) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(organisation) || string.IsNullOrWhiteSpace(nextSteps);

    public string Message => "通报的第一部分（组织整改落实情况）和第三部分（下一步工作安排）须先填写，才能发布。";
}
