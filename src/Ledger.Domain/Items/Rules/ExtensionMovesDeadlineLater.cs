using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class ExtensionMovesDeadlineLater(DateOnly? current, DateOnly requested) : IBusinessRule
{
    public bool IsBroken() => current is { } date && requested <= date;

    public string Message => $"申请的新时限须晚于现有整改时限{(current is { } date ? ChinaCalendar.Format(date) : string.Empty)}。";
}
