using System.Globalization;
using System.Text;
using Ledger.Domain.Calendar;
using Ledger.Domain.Common;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Reminders;

/// <summary>The Chinese text of reminders: one message per item, except the weekly lists, which gather a recipient's items.</summary>
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
                _ => "请关注该事项的整改进展。",
            })
            .Append(CultureInfo.InvariantCulture, $"查看事项：{item.Link}");
        return (title, body.ToString());
    }

    public static (string Title, string Body) ForList(ReminderKind kind, IReadOnlyList<(PlannedReminder Planned, ReminderTarget Item)> lines, int progressStaleDays)
    {
        var title = kind == ReminderKind.LeaderDigest
            ? $"【{kind.ToChinese()}】您负责的{lines.Count}个事项已超期或临近整改时限"
            : $"【{kind.ToChinese()}】{lines.Count}个事项已{progressStaleDays}天以上未报送进展情况";
        var body = new StringBuilder().AppendLine(kind == ReminderKind.LeaderDigest
            ? "以下事项已超期或临近整改时限，请督促责任部门落实整改："
            : "以下事项需报送整改进展情况：");
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
