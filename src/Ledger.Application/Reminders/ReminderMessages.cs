using System.Globalization;
using System.Text;
using Ledger.Domain.Calendar;
using Ledger.Domain.Common;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Reminders;

/// <summary>
/// The Chinese text of reminders: one message a day per recipient and kind, about one item or listing several; the weekly
/// lists are lists even of one item.
/// </summary>
internal static class ReminderMessages
{
    public static bool IsList(ReminderKind kind) => kind is ReminderKind.LeaderDigest or ReminderKind.ProgressDue;

    public static (string Title, string Body) ForItem(ReminderKind kind, PlannedReminder planned, ReminderTarget item, int progressStaleDays)
    {
        var left = planned.WorkingDaysLeft is { } days ? WorkingCalendar.DescribeWorkingDaysLeft(days) : null;
        var title = $"【{kind.ToChinese()}】{item.Label}{(left is null ? string.Empty : "，" + left)}";
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"事项：{item.Label}")
            .AppendLine(CultureInfo.InvariantCulture, $"巡察：{item.Round}")
            .AppendLine(Deadline(item, left))
            .AppendLine(CultureInfo.InvariantCulture, $"责任部门：{item.LeadDepartmentName ?? "未明确"}；责任人：{item.ResponsiblePersonName ?? "未明确"}")
            .AppendLine(kind switch
            {
                ReminderKind.DueSoon => "请抓紧推进整改，按时报送进展情况和佐证材料。",
                ReminderKind.DueToday => "今天是整改时限的最后一个工作日，请完成整改并报送佐证材料，确需延期的请按程序申请。",
                ReminderKind.Overdue => "该事项已超过整改时限，请尽快完成整改，确需延期的请按程序申请。",
                ReminderKind.Escalation => $"该事项{left}，请督促责任部门落实整改。",
                ReminderKind.LongTermReview => $"该事项为长期坚持事项，请报送{ChinaCalendar.Format(planned.SeriesDate)}起本期的整改进展。",
                ReminderKind.ProgressDue => $"该事项已{progressStaleDays}天以上未报送进展情况，请及时报送。",
                ReminderKind.AcknowledgementDue => "该事项已交办本部门牵头，请及时签收。",
                _ => "请关注该事项的整改进展。",
            })
            .Append(CultureInfo.InvariantCulture, $"查看事项：{item.Link}");
        return (title, body.ToString());
    }

    public static (string Title, string Body) ForList(ReminderKind kind, IReadOnlyList<(PlannedReminder Planned, ReminderTarget Item)> lines, int progressStaleDays)
    {
        var count = lines.Count;
        var title = $"【{kind.ToChinese()}】" + kind switch
        {
            ReminderKind.LeaderDigest => $"您负责的{count}个事项已超期或临近整改时限",
            ReminderKind.ProgressDue => $"{count}个事项已{progressStaleDays}天以上未报送进展情况",
            ReminderKind.Overdue => $"您有{count}个事项已超期",
            ReminderKind.Escalation => $"{count}个事项超期，请督促落实",
            ReminderKind.DueSoon => $"{count}个事项临近整改时限",
            ReminderKind.DueToday => $"{count}个事项今天到期",
            ReminderKind.LongTermReview => $"{count}个长期坚持事项须报送本期整改进展",
            ReminderKind.AcknowledgementDue => $"{count}个事项待签收",
            _ => $"{count}个事项",
        };
        var body = new StringBuilder().AppendLine(kind switch
        {
            ReminderKind.LeaderDigest => "以下事项已超期或临近整改时限，请督促责任部门落实整改：",
            ReminderKind.ProgressDue => "以下事项需报送整改进展情况：",
            ReminderKind.Overdue => "以下事项已超过整改时限（超期最久的在前），请尽快完成整改，确需延期的请按程序申请：",
            ReminderKind.Escalation => "以下事项已超期（超期最久的在前），请督促责任部门落实整改：",
            ReminderKind.DueSoon => "以下事项临近整改时限，请抓紧推进整改，按时报送进展情况和佐证材料：",
            ReminderKind.DueToday => "以下事项今天是整改时限的最后一个工作日，请完成整改并报送佐证材料，确需延期的请按程序申请：",
            ReminderKind.LongTermReview => "以下长期坚持事项请报送本期的整改进展：",
            ReminderKind.AcknowledgementDue => "以下事项已交办本部门牵头，请及时签收：",
            _ => "请关注以下事项：",
        });
        var number = 0;
        foreach (var (planned, item) in lines.OrderBy(l => l.Planned.WorkingDaysLeft ?? int.MaxValue).ThenBy(l => l.Item.Number))
        {
            var left = planned.WorkingDaysLeft is { } days ? WorkingCalendar.DescribeWorkingDaysLeft(days) : null;
            body.AppendLine(CultureInfo.InvariantCulture, $"{++number}. {item.Label}；{Deadline(item, left)}；责任部门：{item.LeadDepartmentName ?? "未明确"}；查看：{item.Link}");
        }

        return (title, body.ToString().TrimEnd());
    }

    private static string Deadline(ReminderTarget item, string? left) => item switch
    {
        { IsLongTerm: true } => "整改时限：长期坚持",
        { DueDate: { } due } => $"整改时限：{ChinaCalendar.Format(due)}{(left is null ? string.Empty : $"（{left}）")}",
        _ => "整改时限：未明确",
    };
}
