using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ledger.Domain.Auditing;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// What happens to a session, in the audit trail beside the commands: sign-ins, failures, lockouts, sign-outs and a
/// refresh token used twice. No command runs for them, so no unit of work records them; they are saved here at once.
/// </summary>
public sealed class AccountEvents(LedgerDbContext db, TimeProvider clock)
{
    public const string SignedIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedOut = "SignOut";
    public const string RefreshTokenReused = "RefreshTokenReused";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="user">The account, or null when no account has the name typed.</param>
    /// <param name="typedName">The login name as typed, for a failure under a name no account has.</param>
    /// <param name="address">Where the request came from (after the configured proxies).</param>
    public async Task RecordAsync(string action, LedgerUser? user, string? typedName, string? address, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, object?>
        {
            ["UserName"] = new { From = (string?)null, To = user?.UserName ?? Shorten(PlainText.Line(typedName)) },
            ["Address"] = new { From = (string?)null, To = address },
        };
        var changes = JsonSerializer.Serialize(new[] { new { Entity = nameof(LedgerUser), Id = user?.Id ?? Guid.Empty, State = "Event", Values = values } }, Json);
        db.AuditRecords.Add(new AuditRecord(
            clock.GetUtcNow().UtcDateTime,
            user?.DisplayName ?? Shorten(PlainText.Line(typedName)) ?? "匿名",
            user?.Id,
            action,
            nameof(LedgerUser),
            user?.Id ?? Guid.Empty,
            changes,
            null));
        await db.SaveChangesAsync(cancellationToken);
    }

    // The audit trail's actor column holds 100 characters; a typed name is the caller's and may be anything.
    private static string? Shorten(string? name) => name is { Length: > 100 } ? name[..100] : name;
}
