using System.Security.Cryptography;
using System.Text;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// Makes a refresh token good for one exchange. The token itself stays Identity's (a protected ticket); what is kept is
/// the hash of each token exchanged, so a second exchange of the same token is known for a copy.
/// </summary>
public sealed class RefreshTokens(LedgerDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Marks <paramref name="token"/> used; false when it was used before (or is being used at this moment by another
    /// request: of two racing exchanges only one may win).
    /// </summary>
    public async Task<bool> TryUseAsync(string token, Guid userId, DateTimeOffset expires, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var now = clock.GetUtcNow().UtcDateTime;
        var used = db.Set<UsedRefreshToken>();
        if (await used.AnyAsync(t => t.Hash == hash, cancellationToken))
        {
            return false;
        }

        // Expired tokens are refused on their own; their hashes need not be kept. Not audited: they are not ledger data.
        await used.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var entry = used.Add(new UsedRefreshToken(hash, userId, now, expires.UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            entry.State = EntityState.Detached;
            return false;
        }
    }
}
