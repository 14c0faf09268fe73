using System.Threading.RateLimiting;

namespace Ledger.Web.Http;

/// <summary>
/// Bounds password guessing beyond the lockout: so many attempts a window from one address (a guesser trying many
/// names) and for one name (many addresses trying one account). An attempt over either bound is answered 429 without
/// a password being checked.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    public const string Section = "Ledger:SignIn";

    private readonly PartitionedRateLimiter<string> _addresses;

    private readonly PartitionedRateLimiter<string> _accounts;

    public SignInThrottle(Limits limits)
    {
        _addresses = Limiter(limits.AttemptsPerAddress, limits.Window);
        _accounts = Limiter(limits.AttemptsPerAccount, limits.Window);
    }

    /// <summary>Ledger:SignIn in the configuration.</summary>
    /// <param name="AttemptsPerAddress">An office behind one NAT signs in from one address: room for all of it at nine o'clock.</param>
    /// <param name="AttemptsPerAccount">Twice the lockout's five failures, so a user who mistypes still reaches the lockout's words.</param>
    public sealed record Limits(int AttemptsPerAddress = 60, int AttemptsPerAccount = 10, TimeSpan? WindowLength = null)
    {
        public TimeSpan Window => WindowLength ?? TimeSpan.FromMinutes(1);
    }

    /// <summary>Takes one attempt from the address's and the account's allowance; false when either is spent.</summary>
    public bool TryEnter(string? address, string? userName)
    {
        using var byAddress = _addresses.AttemptAcquire(address ?? string.Empty);
        if (!byAddress.IsAcquired)
        {
            return false;
        }

        // Names are compared as Identity finds them (case-insensitive); a typed name may be anything, so it is capped.
        var account = (userName ?? string.Empty).Trim().ToUpperInvariant();
        using var byAccount = _accounts.AttemptAcquire(account.Length > 100 ? account[..100] : account);
        return byAccount.IsAcquired;
    }

    public void Dispose()
    {
        _addresses.Dispose();
        _accounts.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));
}
