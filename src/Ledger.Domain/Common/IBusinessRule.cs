namespace Ledger.Domain.Common;

/// <summary>A rule the domain enforces; its message is what the user reads when it is broken.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }
}
