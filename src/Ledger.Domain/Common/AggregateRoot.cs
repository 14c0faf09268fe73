namespace Ledger.Domain.Common;

/// <summary>
/// A consistency boundary. <see cref="Version"/> is renewed on every change and is the optimistic
/// concurrency token: an update carrying an older version is refused instead of overwriting.
/// </summary>
public abstract class AggregateRoot
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public Guid Version { get; private set; } = Guid.NewGuid();

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    protected void MarkCreated(ChangeStamp stamp)
    {
        CreatedAt = stamp.At;
        UpdatedAt = stamp.At;
    }

    protected void Touch(ChangeStamp stamp)
    {
        UpdatedAt = stamp.At;
        Version = Guid.NewGuid();
    }

    protected static void CheckRule(IBusinessRule rule) => BusinessRules.Check(rule);
}
