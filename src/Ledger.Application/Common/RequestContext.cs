using Ledger.Domain.Common;

namespace Ledger.Application.Common;

/// <summary>Who acts and when, for handlers: the user, the stamp every change carries, and today's date in China.</summary>
public sealed class RequestContext(ICurrentUser user, TimeProvider clock)
{
    public ICurrentUser User => user;

    public ChangeStamp Stamp() => new(user.Name, clock);

    public DateOnly Today => ChinaCalendar.Today(clock);

    public DateTimeOffset Now => ChinaCalendar.Now(clock);

    /// <summary>
    /// What the command decided that its changes alone do not say (e.g. which department an import's name was taken
    /// for); the audit record keeps it as its reason when the request gives none.
    /// </summary>
    public string? AuditNote { get; set; }
}
