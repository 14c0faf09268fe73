using Ledger.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Ledger.Web.Http;

/// <summary>A password hash of nothing, verified where no real one is, so every refusal of a sign-in costs one hash.</summary>
internal sealed class DecoyPassword(IPasswordHasher<LedgerUser> hasher)
{
    private static readonly LedgerUser Nobody = new();

    // Hashed once: a hash records its own iteration count, so verifying it costs what verifying a real one does.
    private static string? _hash;

    public void Verify(string password) =>
        hasher.VerifyHashedPassword(Nobody, _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString()), password);
}
