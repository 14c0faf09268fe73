using Ledger.Domain.Common;

namespace Ledger.Domain.Rounds.Rules;

public sealed class InspectionPeriodMustBeOrdered(DateOnly? start, DateOnly? end) : IBusinessRule
{
    public bool IsBroken() => start is not null && end is not null && end < start;

    public string Message => "巡察进驻结束日期不能早于开始日期。";
}
