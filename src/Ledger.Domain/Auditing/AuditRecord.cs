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

    public AuditRecord(DateTime at, string actor, Guid? actorId, string action, string entityType, Guid entityId, string changes, string? reason)
    {
        Id = Guid.CreateVersion7();
        At = at;
        Actor = actor;
        ActorId = actorId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Changes = changes;
        Reason = reason;
    }

    public Guid Id { get; private init; }

    public DateTime At { get; private init; }

    /// <summary>The display name the account had when it acted: what a reader recognises, not what identifies.</summary>
    public string Actor { get; private init; }

    /// <summary>
    /// The account that acted, so two accounts an administrator named alike stay apart; null for the system (jobs,
    /// seeding) and for a sign-in under a name no account has.
    /// </summary>
    public Guid? ActorId { get; private init; }

    /// <summary>The use case, e.g. AssignItem.</summary>
    public string Action { get; private init; }

    /// <summary>The aggregate the command acted on.</summary>
    public string EntityType { get; private init; }

    public Guid EntityId { get; private init; }

    /// <summary>JSON list of the changed entities with each changed property's before and after.</summary>
    public string Changes { get; private init; }

    public string? Reason { get; private init; }
}
