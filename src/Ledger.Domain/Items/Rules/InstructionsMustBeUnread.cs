using Ledger.Domain.Common;

namespace Ledger.Domain.Items.Rules;

public sealed class InstructionsMustBeUnread(bool anyUnread) : IBusinessRule
{
    public bool IsBroken() => !anyUnread;

    public string Message => "该事项没有待阅的领导批示。";
}
