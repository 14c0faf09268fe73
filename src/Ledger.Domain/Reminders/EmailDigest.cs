using Ledger.Domain.Common;
using Ledger.Domain.Reminders.Rules;

namespace Ledger.Domain.Reminders;

public enum EmailDigestState
{
    Pending = 1,

    /// <summary>Claimed by one dispatcher until <see cref="EmailDigest.ClaimedUntil"/>; another waits for the claim to lapse.</summary>
    Sending = 2,

    Sent = 3,

    /// <summary>Every attempt failed; it stays for the admins until one of them retries it.</summary>
    Failed = 4,

    /// <summary>Nothing in it was still true by the time it was due; not sent.</summary>
    Cancelled = 5,
}

/// <summary>
/// The one email a user gets for a day, listing all that day's reminders; (RecipientUserId, Day) is unique. Attempts,
/// the last error and the time of the next try are kept on it, so a failing mail server shows in the admins' list.
/// </summary>
public sealed class EmailDigest : IRecordOfItself
{
    /// <summary>The waits between attempts; after the last one the digest is marked failed.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3)];

    private EmailDigest()
    {
        Address = string.Empty;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid RecipientUserId { get; private init; }

    public DateOnly Day { get; private init; }

    public string Address { get; private init; }

    public EmailDigestState State { get; private set; } = EmailDigestState.Pending;

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? ClaimedUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAt { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public static EmailDigest Create(Guid recipientUserId, DateOnly day, string address, DateTime at) => new()
    {
        RecipientUserId = recipientUserId,
        Day = day,
        Address = Text.Required(address, nameof(address)),
        NextAttemptAt = at,
    };

    public bool IsDue(DateTime now) =>
        State == EmailDigestState.Pending && NextAttemptAt <= now
        || State == EmailDigestState.Sending && ClaimedUntil <= now;

    /// <summary>Saved with <see cref="Version"/> as the concurrency token, so of two dispatchers only one wins the claim.</summary>
    public void Claim(DateTime now, TimeSpan lease)
    {
        if (!IsDue(now))
        {
            throw new InvalidOperationException("Only a due digest can be claimed.");
        }

        State = EmailDigestState.Sending;
        ClaimedUntil = now + lease;
        Attempts++;
        Version = Guid.NewGuid();
    }

    public void Sent(DateTime now)
    {
        State = EmailDigestState.Sent;
        SentAt = now;
        ClaimedUntil = null;
        LastError = null;
        Version = Guid.NewGuid();
    }

    public void AttemptFailed(DateTime now, string error)
    {
        LastError = Text.Required(error, nameof(error));
        ClaimedUntil = null;
        if (Attempts > Backoff.Count)
        {
            State = EmailDigestState.Failed;
        }
        else
        {
            State = EmailDigestState.Pending;
            NextAttemptAt = now + Backoff[Attempts - 1];
        }

        Version = Guid.NewGuid();
    }

    /// <summary>An admin's retry after the mail server is fixed: the attempts start again.</summary>
    public void Retry(DateTime now)
    {
        BusinessRules.Check(new OnlyFailedEmailIsRetried(State));
        State = EmailDigestState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        Version = Guid.NewGuid();
    }

    public void Cancel()
    {
        State = EmailDigestState.Cancelled;
        ClaimedUntil = null;
        Version = Guid.NewGuid();
    }
}
