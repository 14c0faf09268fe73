using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Notifications;
using Ledger.Domain.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>
/// The dispatcher's first step: moves the outbox's pending messages into their recipients' inboxes, first dropping any
/// whose reminders the item's current state no longer calls for, and queues each recipient who wants email for that
/// day's digest.
/// </summary>
[Allowed(Roles.Admin)]
public sealed record DeliverNotificationsCommand : ICommand<DeliveryResult>;

/// <param name="Joined">Messages delivered at once (requests, decisions) put in their recipients' email digests.</param>
public sealed record DeliveryResult(int Delivered, int Cancelled, int QueuedForEmail, int Joined = 0);

internal sealed class DeliverNotificationsCommandHandler(
    ILedgerDbContext db, WorkingCalendars calendars, IReminderRecipients recipients, IEmailSender email, TimeProvider clock)
    : IRequestHandler<DeliverNotificationsCommand, DeliveryResult>
{
    private const int Batch = 1_000;

    public async Task<DeliveryResult> Handle(DeliverNotificationsCommand request, CancellationToken cancellationToken)
    {
        var pending = await db.Notifications.Where(n => n.DeliveredAt == null && n.CancelledAt == null)
            .OrderBy(n => n.CreatedAt).Take(Batch).ToListAsync(cancellationToken);
        var immediate = await db.Notifications.Where(n => n.AwaitsDigest).OrderBy(n => n.CreatedAt).Take(Batch).ToListAsync(cancellationToken);
        if (pending.Count == 0 && immediate.Count == 0)
        {
            return new(0, 0, 0);
        }

        var plan = await ReminderPlan.LoadAsync(db, calendars, recipients, cancellationToken);
        var check = await ReminderCheck.LoadAsync(db, plan, pending.Select(n => n.Id), cancellationToken);
        var at = clock.GetUtcNow().UtcDateTime;
        var digests = new DigestQueue(db);
        int delivered = 0, cancelled = 0, queued = 0;
        foreach (var notification in pending)
        {
            if (check.WhyCancel(notification.Id) is { } reason)
            {
                notification.Cancel(at, reason);
                cancelled++;
                continue;
            }

            var digest = email.IsConfigured && plan.Directory.Find(notification.RecipientUserId) is { WantsEmail: true } recipient
                ? await digests.ForAsync(recipient, notification.Day, at, cancellationToken)
                : null;
            notification.Deliver(at, digest?.Id);
            delivered++;
            queued += digest is null ? 0 : 1;
        }

        foreach (var notification in immediate)
        {
            var digest = email.IsConfigured && plan.Directory.Find(notification.RecipientUserId) is { WantsEmail: true } recipient
                ? await digests.ForAsync(recipient, notification.Day, at, cancellationToken)
                : null;
            notification.JoinDigest(digest?.Id);
            queued += digest is null ? 0 : 1;
        }

        return new(delivered, cancelled, queued, immediate.Count);
    }
}

/// <summary>
/// The email digest a message joins: its day's, while that one is still to be sent; once it has gone, the next day's,
/// so a message decided after the day's mail still reaches the mailbox, a day later.
/// </summary>
internal sealed class DigestQueue(ILedgerDbContext db)
{
    private readonly Dictionary<(Guid, DateOnly), EmailDigest> _digests = [];

    public async Task<EmailDigest> ForAsync(Recipient recipient, DateOnly day, DateTime at, CancellationToken cancellationToken)
    {
        for (; ; day = day.AddDays(1))
        {
            if (!_digests.TryGetValue((recipient.UserId, day), out var digest))
            {
                digest = await db.EmailDigests.FirstOrDefaultAsync(d => d.RecipientUserId == recipient.UserId && d.Day == day, cancellationToken)
                         ?? db.EmailDigests.Add(EmailDigest.Create(recipient.UserId, day, recipient.Email!, at)).Entity;
                _digests[(recipient.UserId, day)] = digest;
            }

            if (digest.State == EmailDigestState.Pending)
            {
                return digest;
            }
        }
    }
}

/// <summary>Asks the plan again about the reminders behind some messages; a message goes out while any of them still holds.</summary>
internal sealed class ReminderCheck
{
    private const int ItemsPerQuery = 2_000;

    private readonly Dictionary<Guid, string?> _verdicts;

    private ReminderCheck(Dictionary<Guid, string?> verdicts) => _verdicts = verdicts;

    public static async Task<ReminderCheck> LoadAsync(
        ILedgerDbContext db, ReminderPlan plan, IEnumerable<Guid> notificationIds, CancellationToken cancellationToken)
    {
        var ids = notificationIds.ToList();
        var reminders = await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.NotificationId)).ToListAsync(cancellationToken);
        var targets = new Dictionary<Guid, ReminderTarget>();
        foreach (var chunk in reminders.Select(r => r.ItemId).Distinct().Chunk(ItemsPerQuery))
        {
            // A weekly list can name thousands of items: each query names a bounded number, within any provider's limits.
            foreach (var target in await db.Items.AsNoTracking().Where(i => chunk.Contains(i.Id)).SelectTargets(db).ToListAsync(cancellationToken))
            {
                targets[target.Id] = target;
            }
        }

        var verdicts = reminders.GroupBy(r => r.NotificationId).ToDictionary(
            g => g.Key,
            g => g.Any(r => plan.StillTrue(r, targets.GetValueOrDefault(r.ItemId)))
                ? null
                : ReminderPlan.WhyNoLongerTrue(g.First(), targets.GetValueOrDefault(g.First().ItemId)));
        return new(verdicts);
    }

    /// <summary>Null while the message still holds; otherwise what changed.</summary>
    public string? WhyCancel(Guid notificationId) => _verdicts.GetValueOrDefault(notificationId);
}
