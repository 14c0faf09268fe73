using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Common.Behaviors;

/// <summary>
/// A command commits once or not at all: its handler changes tracked entities, then this saves them
/// together with the command's audit record in one transaction. Handlers never call SaveChanges.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(ILedgerDbContext db, IAuditTrail auditTrail, Compensations compensations)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        try
        {
            // On SQLite this begins IMMEDIATE, taking the write lock before the handler reads, so a
            // read-then-write never fails half-way with "database is locked".
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var response = await next();
            auditTrail.Record(ActionName(), (request as IHasReason)?.Reason);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(null);
            }

            await transaction.CommitAsync(cancellationToken);
            compensations.Forget();
            return response;
        }
        catch
        {
            await compensations.UndoAsync();
            throw;
        }
    }

    private static string ActionName()
    {
        var name = typeof(TRequest).Name;
        return name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length] : name;
    }
}
