namespace Ledger.Application.Common;

/// <summary>Writes the audit record of a command from the changes it is about to save.</summary>
public interface IAuditTrail
{
    /// <summary>Adds one record describing the pending changes; adds nothing when there are none.</summary>
    void Record(string action, string? reason);

    /// <summary>
    /// Adds one record per aggregate changed, each with the changes of its own parts, as if each had been changed by a
    /// command of its own (<see cref="Messaging.IAuditedPerAggregate"/>).
    /// </summary>
    void RecordEach(string action, string? reason);
}
