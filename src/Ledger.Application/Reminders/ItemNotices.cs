using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Notifications;
using Ledger.Application.Rounds;
using Ledger.Application.Settings;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;
using Ledger.Domain.Rounds;

namespace Ledger.Application.Reminders;

/// <summary>Whom a request or a decision on an item is for.</summary>
public enum NoticeAudience
{
    /// <summary>整改办: a 销号申请 to review.</summary>
    Office = 1,

    /// <summary>The leaders who decide the item's requests: its 责任领导, or every leader when all approve.</summary>
    Approvers = 2,

    /// <summary>The lead department: its 责任人 (or, without an account, its head) and its head.</summary>
    LeadDepartment = 3,
}

/// <summary>
/// Tells who must act on an item now — a request to decide, a decision to carry out, a 催办 or a 批示 — in their inbox
/// at once, within the command that made it; the dispatcher then puts it in their next email digest. Written in the
/// command's own unit of work, so the message exists exactly when the step does.
/// </summary>
public sealed class ItemNotices(ILedgerDbContext db, IReminderRecipients recipients, IEmailSender email, TimeProvider clock)
{
    private const int TitleLength = 40;

    /// <summary>
    /// 2024年三巡·第3项「…」, 2024年三巡·立行立改第2项「…」: the round and the number as the office's ledger shows them, and a
    /// title short enough for a subject line.
    /// </summary>
    public static string Label(string roundName, ItemKind kind, int number, string title) =>
        $"{RoundTag.Of(roundName, kind, number)}「{(title.Length > TitleLength ? title[..TitleLength] + "…" : title)}」";

    public static string Link(Guid itemId) => $"/items/{itemId}";

    /// <summary>Sends "【kind】第N项「…」<paramref name="what"/>" with <paramref name="details"/> and the item's link to the audience's accounts.</summary>
    /// <returns>The messages, one per account reached: none when no one playing the part has an account.</returns>
    public async Task<IReadOnlyList<Notification>> SendAsync(
        RectificationItem item, NoticeAudience audience, ReminderKind kind, string what, string? details, CancellationToken cancellationToken)
    {
        var to = await RecipientsAsync(item, audience, cancellationToken);
        return await SendAsync(to, item, kind, what, details, cancellationToken);
    }

    /// <summary>The accounts that play a part on the item, for a caller that sends to several parts at once.</summary>
    public async Task<IReadOnlyList<Recipient>> RecipientsAsync(RectificationItem item, NoticeAudience audience, CancellationToken cancellationToken)
    {
        var directory = await recipients.LoadAsync(cancellationToken);
        var parties = new ReminderParties(
            item.ResponsiblePersonId, item.LeadDepartmentId, item.ResponsibleLeaderId, null, [.. item.CoDepartments.Select(c => c.DepartmentId)]);
        return audience switch
        {
            NoticeAudience.Office => [.. directory.InRole(Roles.Office)],
            NoticeAudience.Approvers => [.. directory.Approvers(parties, (await db.CurrentWorkflowSettingsAsync(cancellationToken)).AllLeadersApprove)],
            _ => [.. directory.LeadDepartment(parties)],
        };
    }

    public async Task<IReadOnlyList<Notification>> SendAsync(
        IEnumerable<Recipient> to, RectificationItem item, ReminderKind kind, string what, string? details, CancellationToken cancellationToken) =>
        Send(
            to,
            kind,
            item.Id,
            $"【{kind.ToChinese()}】{Label(await RoundNameAsync(item, cancellationToken), item.Kind, item.Number, item.Title)}{what}",
            $"{(string.IsNullOrWhiteSpace(details) ? string.Empty : details.Trim() + Environment.NewLine)}查看事项：{Link(item.Id)}");

    /// <summary>The round's tag name of <paramref name="item"/>.</summary>
    public async Task<string> RoundNameAsync(RectificationItem item, CancellationToken cancellationToken) =>
        (await RoundTagNames.ReadAsync(db, cancellationToken)).GetValueOrDefault(item.RoundId, string.Empty);

    /// <summary>One message to each account, about one item or (<paramref name="itemId"/> null) several.</summary>
    public IReadOnlyList<Notification> Send(IEnumerable<Recipient> to, ReminderKind kind, Guid? itemId, string title, string body)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        return
        [
            .. to.DistinctBy(r => r.UserId).Select(recipient => db.Notifications.Add(Notification.Immediate(
                recipient.UserId, kind, ChinaCalendar.ToChinaDate(at), title, body, itemId, at, email.IsConfigured && recipient.WantsEmail)).Entity),
        ];
    }
}
