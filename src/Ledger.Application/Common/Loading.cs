using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Common;

public static class Loading
{
    /// <summary>
    /// Loads an aggregate to change it, refusing when the version the user read is not the current one
    /// (null: an append that cannot conflict). The version is also the EF concurrency token, so a change
    /// that races in after this load still fails on save.
    /// </summary>
    public static async Task<T> LoadForUpdateAsync<T>(
        this IQueryable<T> source, Guid id, Guid? expectedVersion, string what, CancellationToken cancellationToken)
        where T : AggregateRoot
    {
        var entity = await source.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException(what);
        if (expectedVersion is { } expected && entity.Version != expected)
        {
            throw new ConcurrencyConflictException(entity.Version);
        }

        return entity;
    }
}
