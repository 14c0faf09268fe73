namespace Ledger.Application.Common;

/// <summary>
/// Writes what the scope's handlers changed. <see cref="Behaviors.UnitOfWorkBehavior{TRequest,TResponse}"/> calls it once
/// per command; outside the pipeline only work that cannot wait for a command's end uses it (the email dispatcher, which
/// claims a digest before sending it). Handlers never do: the architecture tests refuse a handler that depends on it.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Saves every pending change in one transaction, inside the provider's execution strategy.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Forgets every entity the scope has read or saved, so a long job's next batch is not dragged through change
    /// detection with the last one's, and a failed save's leftovers are not saved again.
    /// </summary>
    void ForgetTracked();
}
