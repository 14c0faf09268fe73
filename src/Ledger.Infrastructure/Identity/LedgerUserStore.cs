using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// Identity's user store on the ledger's context, saving nothing itself when asked: account changes then join the
/// command's transaction and its audit record, like every other change.
/// </summary>
internal sealed class LedgerUserStore(LedgerDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<LedgerUser, LedgerRole, LedgerDbContext, Guid>(context, describer)
{
    /// <summary>
    /// The base re-attaches the user on every update, which turns an account created in this transaction into an update
    /// and makes a second change within it lose the concurrency stamp it was read with. A tracked user needs neither.
    /// </summary>
    public override Task<IdentityResult> UpdateAsync(LedgerUser user, CancellationToken cancellationToken = default)
    {
        if (AutoSaveChanges || Context.Entry(user).State == EntityState.Detached)
        {
            return base.UpdateAsync(user, cancellationToken);
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        return Task.FromResult(IdentityResult.Success);
    }
}
