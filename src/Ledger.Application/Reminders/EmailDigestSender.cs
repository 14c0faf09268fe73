using System.Globalization;
using System.Text;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Notifications;
using Ledger.Domain.Common;
using Ledger.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ledger.Application.Reminders;

/// <summary>
/// The dispatcher's second step: sends each due daily digest, once its day is scanned and delivered in full. Mail cannot join a database transaction, so this is the
/// one place that saves by itself, in three short steps: claim the digest (its version makes the claim a compare-and-swap,
/// so of two dispatchers one sends), send, record the outcome. A crash after sending and before recording sends again
/// once the claim lapses: email is at least once, the inbox exactly once.
/// </summary>
public sealed partial class EmailDigestSender(
    ILedgerDbContext db,
    IUnitOfWork unitOfWork,
    WorkingCalendars calendars,
    IReminderRecipients recipients,
    IEmailSender email,
    ReminderOptions options,
    TimeProvider clock,
    ILogger<EmailDigestSender> logger)
{
    /// <summary>Long enough for a slow server's timeout; a claim older than this is taken to be a crashed dispatcher's.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int Batch = 100;

    /// <returns>How many digests were sent.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!email.IsConfigured)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // A day's digest waits until the day's scan has recorded all of it and every message of the recipient's day is
        // delivered (or withdrawn): sent earlier, it would hold part of the day and the rest would miss the mailbox.
        var due = await db.EmailDigests.AsNoTracking()
            .Where(d => (d.State == EmailDigestState.Pending && d.NextAttemptAt <= now) || (d.State == EmailDigestState.Sending && d.ClaimedUntil <= now))
            .Where(d => db.ReminderScanDays.Any(s => s.Day == d.Day)
                        && !db.Notifications.Any(n => n.RecipientUserId == d.RecipientUserId && n.Day == d.Day
                                             && ((n.DeliveredAt == null && n.CancelledAt == null) || n.AwaitsDigest)))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var plan = await ReminderPlan.LoadAsync(db, calendars, recipients, cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            sent += await SendAsync(id, plan, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> SendAsync(Guid id, ReminderPlan plan, CancellationToken cancellationToken)
    {
        var digest = await db.EmailDigests.FirstAsync(d => d.Id == id, cancellationToken);
        if (!digest.IsDue(clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        digest.Claim(clock.GetUtcNow().UtcDateTime, Lease);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogClaimLost(id);
            unitOfWork.ForgetTracked();
            return false;
        }

        var message = await ComposeAsync(digest, plan, cancellationToken);
        if (message is null)
        {
            digest.Cancel();
        }
        else
        {
            try
            {
                await email.SendAsync(message, cancellationToken);
                digest.Sent(clock.GetUtcNow().UtcDateTime);
            }
            catch (EmailDeliveryException e)
            {
                LogAttemptFailed(e, id, digest.Attempts);
                digest.AttemptFailed(clock.GetUtcNow().UtcDateTime, e.Message);
            }
        }

        await unitOfWork.SaveChangesAsync(CancellationToken.None);
        unitOfWork.ForgetTracked();
        return digest.State == EmailDigestState.Sent;
    }

    /// <summary>The day's messages that still hold; null when none do.</summary>
    private async Task<EmailMessage?> ComposeAsync(EmailDigest digest, ReminderPlan plan, CancellationToken cancellationToken)
    {
        var messages = await db.Notifications.AsNoTracking().Where(n => n.EmailDigestId == digest.Id)
            .OrderBy(n => n.CreatedAt).Select(n => new { n.Id, n.Title, n.Body }).ToListAsync(cancellationToken);
        var check = await ReminderCheck.LoadAsync(db, plan, messages.Select(m => m.Id), cancellationToken);
        var holding = messages.Where(m => check.WhyCancel(m.Id) is null).ToList();
        var recipient = plan.Directory.Find(digest.RecipientUserId);
        if (holding.Count == 0 || recipient is null)
        {
            return null;
        }

        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{recipient.DisplayName}：")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"巡察整改台账{ChinaCalendar.Format(digest.Day)}共有{holding.Count}条提醒：");
        var number = 0;
        foreach (var message in holding)
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{++number}. {message.Title}").AppendLine(WithBaseUrl(message.Body));
        }

        body.AppendLine().Append("此邮件由巡察整改台账自动发送，每天至多一封。如不需要邮件提醒，可在“通知设置”中关闭。");
        return new EmailMessage(
            digest.Address, recipient.DisplayName, $"【巡察整改台账】{ChinaCalendar.Format(digest.Day)}提醒（{holding.Count}条）", body.ToString());
    }

    private string WithBaseUrl(string body) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? body : body.Replace("/items/", $"{options.PublicBaseUrl.TrimEnd('/')}/items/", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email digest {Id} was claimed by another dispatcher")]
    private partial void LogClaimLost(Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email digest {Id} attempt {Attempt} failed")]
    private partial void LogAttemptFailed(Exception exception, Guid id, int attempt);
}
