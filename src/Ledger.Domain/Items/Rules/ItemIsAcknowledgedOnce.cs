using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class ItemIsAcknowledgedOnce(bool acknowledged) : IBusinessRule
{
    public bool IsBroken() => acknowledged;

    public string Message => "该事项已签收，无需重复签收。";
}
