using Ledger.Domain.Common;

namespace Ledger.Domain.Reminders;

/// <summary>
/// A message to one user: written to this outbox in the scan's transaction, then delivered by the dispatcher to the
/// user's in-app inbox and, for users who want it, into that day's email digest.
/// </summary>
public sealed class Notification : IRecordOfItself
{
    private Notification()
    {
        Title = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid RecipientUserId { get; private init; }

    public ReminderKind Kind { get; private init; }

    /// <summary>The day (in China) it was decided; the email digest gathers one day's messages.</summary>
    public DateOnly Day { get; private init; }

    public string Title { get; private init; }

    public string Body { get; private init; }

    /// <summary>The item it is about; null for a list covering several.</summary>
    public Guid? ItemId { get; private init; }

    public DateTime CreatedAt { get; private init; }

    /// <summary>When it reached the inbox; until then the user does not see it.</summary>
    public DateTime? DeliveredAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>Set when it stopped being true before it was delivered (the item settled, re-dated or reassigned).</summary>
    public DateTime? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public Guid? EmailDigestId { get; private set; }

    /// <summary>In the inbox already and waiting for the dispatcher to put it in the recipient's email digest.</summary>
    public bool AwaitsDigest { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The title's column length: a title quoting an item's title (up to 500 characters) is shortened to it.</summary>
    public const int TitleLength = 500;

    public static Notification Create(Guid recipientUserId, ReminderKind kind, DateOnly day, string title, string body, Guid? itemId, DateTime at) => new()
    {
        RecipientUserId = recipientUserId,
        Kind = kind,
        Day = day,
        Title = Text.Shortened(Text.Required(title, nameof(title)), TitleLength),
        Body = Text.Required(body, nameof(body)),
        ItemId = itemId,
        CreatedAt = at,
    };

    /// <summary>
    /// A request or a decision: in the inbox at once, with no outbox check to wait for; <paramref name="email"/> when the
    /// recipient wants it in the email digest, which the dispatcher then joins it to.
    /// </summary>
    public static Notification Immediate(Guid recipientUserId, ReminderKind kind, DateOnly day, string title, string body, Guid? itemId, DateTime at, bool email)
    {
        var notification = Create(recipientUserId, kind, day, title, body, itemId, at);
        notification.DeliveredAt = at;
        notification.AwaitsDigest = email;
        return notification;
    }

    public bool IsPending => DeliveredAt is null && CancelledAt is null;

    /// <summary>Puts an immediate message in a digest, or in none when the recipient no longer wants email.</summary>
    public void JoinDigest(Guid? emailDigestId)
    {
        EmailDigestId = emailDigestId;
        AwaitsDigest = false;
        Version = Guid.NewGuid();
    }

    public void Deliver(DateTime at, Guid? emailDigestId)
    {
        if (!IsPending)
        {
            return;
        }

        DeliveredAt = at;
        EmailDigestId = emailDigestId;
        Version = Guid.NewGuid();
    }

    public void Cancel(DateTime at, string reason)
    {
        if (!IsPending)
        {
            return;
        }

        CancelledAt = at;
        CancelReason = Text.Required(reason, nameof(reason));
        Version = Guid.NewGuid();
    }

    public void MarkRead(DateTime at)
    {
        if (ReadAt is null && DeliveredAt is not null)
        {
            ReadAt = at;
            Version = Guid.NewGuid();
        }
    }
}
