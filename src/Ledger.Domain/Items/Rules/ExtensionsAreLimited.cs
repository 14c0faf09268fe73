using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class ExtensionsAreLimited(int approved, int maximum) : IBusinessRule
{
    public bool IsBroken() => approved >= maximum;

    public string Message => $"该事项已延期{approved}次，达到整改办规定的上限（{maximum}次），不能再申请延期。";
}
