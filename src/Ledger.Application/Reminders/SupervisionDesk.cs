using System.Globalization;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>A 督办通知 as issued: its number and where its 督办单 is downloaded.</summary>
public sealed record SupervisionNoticeDto(Guid Id, string NumberText, string Addressee, DateOnly ReplyBy, int Items, string Docx);

/// <summary>
/// Issues a 督办通知 for one item or a department's overdue items, for both commands that do: numbers it for the year,
/// writes its 督办单 (the department, the date a written reply is due, each item with its deadline and how far it is
/// overdue, the office's requirement), records it on each item, and tells the lead department at once. Each item counts
/// it in 催办次数 like any other chase.
/// </summary>
internal sealed class SupervisionDesk(ILedgerDbContext db, ItemNotices notices, WorkingCalendars calendars, RequestContext context, TimeProvider clock)
{
    public const string Signature = "巡察整改工作领导小组办公室";

    public async Task<SupervisionNotice> IssueAsync(
        IReadOnlyList<RectificationItem> items, Guid? departmentId, DateOnly replyBy, string? requirement, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        var today = context.Today;
        var calendar = await calendars.CurrentAsync(db, cancellationToken);
        var rounds = await RoundTagNames.ReadAsync(db, cancellationToken);
        string Label(RectificationItem item) => ItemNotices.Label(rounds.GetValueOrDefault(item.RoundId, string.Empty), item.Kind, item.Number, item.Title);
        var lead = items[0].LeadDepartmentId ?? departmentId;
        var addressee = await db.Departments.Where(d => d.Id == lead).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) ?? "牵头部门";
        var number = 1 + (await db.SupervisionNotices.Where(n => n.Year == today.Year).Select(n => (int?)n.Number).MaxAsync(cancellationToken) ?? 0);
        var notice = SupervisionNotice.Issue(
            today.Year,
            number,
            departmentId,
            addressee,
            replyBy,
            Paragraphs(SupervisionNotice.NumberTextOf(today.Year, number), items, Label, addressee, today, replyBy, requirement, calendar),
            items.Select(i => i.Id),
            stamp);
        db.SupervisionNotices.Add(notice);

        var recipients = new Dictionary<Guid, IReadOnlyList<Recipient>>();
        foreach (var item in items)
        {
            item.Supervise(notice.NumberText, replyBy, stamp);
            recipients[item.Id] = await notices.RecipientsAsync(item, NoticeAudience.LeadDepartment, cancellationToken);
        }

        var title = $"【{ReminderKind.Supervision.ToChinese()}】{notice.NumberText}："
                    + (items.Count == 1 ? Label(items[0]) : $"{items.Count}个事项")
                    + $"，请于{ChinaCalendar.Format(replyBy)}前书面报送整改落实情况";
        var body = string.Join(Environment.NewLine, [.. notice.Text.Split('\n').Skip(2), $"下载督办单：{Docx(notice.Id)}"]);
        var sent = notices.Send(recipients.Values.SelectMany(r => r), ReminderKind.Supervision, items.Count == 1 ? items[0].Id : null, title, body)
            .ToDictionary(n => n.RecipientUserId);
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var (itemId, to) in recipients)
        {
            foreach (var recipient in to)
            {
                db.Reminders.Add(Reminder.For(
                    new ReminderKey(itemId, ReminderKind.Supervision, today, notice.Number, recipient.UserId), today, sent[recipient.UserId].Id, at));
            }
        }

        return notice;
    }

    public static string Docx(Guid noticeId) => $"/api/supervision-notices/{noticeId}/docx";

    public static SupervisionNoticeDto Dto(SupervisionNotice notice) =>
        new(notice.Id, notice.NumberText, notice.Addressee, notice.ReplyBy, notice.Items.Count, Docx(notice.Id));

    /// <summary>The 督办单 in the report's official layout: title, number, addressee, body, items, requirement, signature, date.</summary>
    public static ReportDocument Document(SupervisionNotice notice) =>
        new("巡察整改督办通知", [.. notice.Text.Split('\n').Select(line => new ReportParagraph(line))], Signature, ChinaCalendar.ToChinaDate(notice.IssuedAt));

    private static IEnumerable<string> Paragraphs(
        string numberText,
        IReadOnlyList<RectificationItem> items,
        Func<RectificationItem, string> label,
        string addressee,
        DateOnly today,
        DateOnly replyBy,
        string? requirement,
        Domain.Calendar.WorkingCalendar calendar)
    {
        yield return numberText;
        yield return $"{addressee}：";
        yield return $"截至{ChinaCalendar.Format(today)}，你部门牵头的以下巡察整改事项尚未按期完成整改，现予督办。请于{ChinaCalendar.Format(replyBy)}前将整改落实情况书面报送整改办。";
        var number = 0;
        foreach (var item in items.OrderBy(i => i.DueDate).ThenBy(i => i.Number))
        {
            var deadline = item.DueDate is { } due
                ? $"整改时限{ChinaCalendar.Format(due)}，{Domain.Calendar.WorkingCalendar.DescribeWorkingDaysLeft(calendar.WorkingDaysBetween(today, due))}"
                : item.IsLongTerm ? "长期坚持" : "整改时限未明确";
            yield return string.Create(CultureInfo.InvariantCulture, $"{++number}. {label(item)}，{deadline}。");
        }

        foreach (var line in (requirement ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return $"督办要求：{line}";
        }
    }
}
