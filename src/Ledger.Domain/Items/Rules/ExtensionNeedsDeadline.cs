using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class ExtensionNeedsDeadline(Deadline deadline) : IBusinessRule
{
    public bool IsBroken() => deadline.Date is null;

    public string Message => deadline.IsLongTerm ? "长期坚持的事项没有整改时限，无需申请延期。" : "事项尚未设定整改时限，无需申请延期。";
}
