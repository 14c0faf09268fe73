namespace Ledger.Domain.Common;

/// <summary>Who made a change and when (UTC); every state change carries one into its history.</summary>
public readonly record struct ChangeStamp(string Actor, DateTime At)
{
    public ChangeStamp(string actor, TimeProvider clock)
        : this(actor, clock.GetUtcNow().UtcDateTime)
    {
    }
}
