using Ledger.Application.Common;

namespace Ledger.Infrastructure.Persistence;

/// <summary>The scope's one <see cref="LedgerDbContext"/>, seen only as what saves and forgets its changes.</summary>
internal sealed class UnitOfWork(LedgerDbContext db) : IUnitOfWork
{
    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public void ForgetTracked() => db.ChangeTracker.Clear();
}
