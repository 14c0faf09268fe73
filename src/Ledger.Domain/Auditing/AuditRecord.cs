namespace Ledger.Domain.Auditing;

/// <summary>
/// One state-changing command, as the discipline supervisors read it: who, when, what (each
/// entity's before → after), why. Append-only: nothing in Ledger updates or deletes one.
/// </summary>
public sealed class AuditRecord
{
    private AuditRecord()
    {
        Actor = string.Empty;
        Action = string.Empty;
        EntityType = string.Empty;
        Changes = string.Empty;
    }

    public AuditRecord(DateTime at, string actor, string action, string entityType, Guid entityId, string changes, string? reason)
    {
        Id = Guid.CreateVersion7();
        At = at;
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Changes = changes;
        Reason = reason;
    }

    public Guid Id { get; private init; }

    public DateTime At { get; private init; }

    public string Actor { get; private init; }

    /// <summary>The use case, e.g. AssignItem.</summary>
    public string Action { get; private init; }

    /// <summary>The aggregate the command acted on.</summary>
    public string EntityType { get; private init; }

    public Guid EntityId { get; private init; }

    /// <summary>JSON list of the changed entities with each changed property's before and after.</summary>
    public string Changes { get; private init; }

    public string? Reason { get; private init; }
}
