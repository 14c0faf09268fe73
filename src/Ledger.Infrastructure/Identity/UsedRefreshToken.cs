using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// A refresh token already exchanged, by its SHA-256: a token is good for one exchange, and a second one means it was
/// copied. Kept until the token would have expired anyway.
/// </summary>
public sealed class UsedRefreshToken
{
    private UsedRefreshToken()
    {
        Hash = string.Empty;
    }

    public UsedRefreshToken(string hash, Guid userId, DateTime usedAt, DateTime expiresAt)
    {
        Hash = hash;
        UserId = userId;
        UsedAt = usedAt;
        ExpiresAt = expiresAt;
    }

    public string Hash { get; private init; }

    public Guid UserId { get; private init; }

    public DateTime UsedAt { get; private init; }

    public DateTime ExpiresAt { get; private init; }
}

internal sealed class UsedRefreshTokenConfiguration : IEntityTypeConfiguration<UsedRefreshToken>
{
    public void Configure(EntityTypeBuilder<UsedRefreshToken> builder)
    {
        builder.ToTable("UsedRefreshTokens");
        builder.HasKey(t => t.Hash);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
