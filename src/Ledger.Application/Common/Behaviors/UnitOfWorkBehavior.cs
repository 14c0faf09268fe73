using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Common.Behaviors;

/// <summary>
/// A command commits once or not at all. Its handler reads, parses and decides with no transaction open, changing
/// tracked entities only; this then saves them together with the command's audit record in one short transaction
/// (docs/adr/0013). Nothing a handler does, however long, holds the database's write lock, and a server database's
/// retrying execution strategy can repeat the save after a transient failure. Handlers never call SaveChanges.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork, IAuditTrail auditTrail, Compensations compensations, RequestContext context)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        // A scope may send several commands (the demo data, the command line): each one's note is its own.
        context.AuditNote = null;
        try
        {
            var response = await next();
            var reason = (request as IHasReason)?.Reason ?? context.AuditNote;
            if (request is IAuditedPerAggregate)
            {
                auditTrail.RecordEach(ActionName(), reason);
            }
            else
            {
                auditTrail.Record(ActionName(), reason);
            }

            // What the handler read may have changed since: the versions it read are the concurrency tokens the save
            // checks, so a stale decision is refused here rather than written over another's.
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                throw new ConcurrencyConflictException(await CurrentVersionAsync(conflict, cancellationToken));
            }

            compensations.Forget();
            return response;
        }
        catch
        {
            await compensations.UndoAsync();
            throw;
        }
    }

    /// <summary>The version now stored of the record that was stale, for the client to reload or retry against.</summary>
    private static async Task<Guid?> CurrentVersionAsync(DbUpdateConcurrencyException conflict, CancellationToken cancellationToken)
    {
        foreach (var entry in conflict.Entries.Where(e => e.Entity is AggregateRoot))
        {
            var stored = await entry.GetDatabaseValuesAsync(cancellationToken);
            return stored?.GetValue<Guid>(nameof(AggregateRoot.Version));
        }

        return null;
    }

    private static string ActionName()
    {
        var name = typeof(TRequest).Name;
        return name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length] : name;
    }
}
