using Ledger.Application.Common;
using Ledger.Application.Reminders;
using Ledger.Application.Settings;
using Ledger.Domain.Calendar;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Calendar;

/// <summary>
/// The years working days are counted in for open items — from the earliest open deadline (or today) to the latest (or
/// as far as the reminder offsets look ahead) — that the stored calendar holds no notice for. Those years count Monday
/// to Friday only: Ledger never guesses China's holidays, so it says so instead, until the administrator enters them.
/// </summary>
/// <param name="MissingYears">The years needed and not held, in order; empty when the calendar covers every one.</param>
/// <param name="Items">Open items with a deadline in a missing year (every open item with a deadline when today's year is missing).</param>
/// <param name="Warning">What to tell the administrator and the office; null when nothing is missing.</param>
public sealed record CalendarCoverage(IReadOnlyList<int> MissingYears, int Items, string? Warning)
{
    public static async Task<CalendarCoverage> OfAsync(ILedgerDbContext db, WorkingCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        var dated = db.Items.AsNoTracking().Remindable().Where(i => !i.IsLongTerm && i.DueDate != null);
        var first = await dated.MinAsync(i => i.DueDate, cancellationToken);
        var last = await dated.MaxAsync(i => i.DueDate, cancellationToken);
        var offsets = (await db.CurrentReminderSettingsAsync(cancellationToken)).DueSoonOffsets;
        var lookAhead = calendar.AddWorkingDays(today, offsets.Count == 0 ? 0 : offsets.Max());
        var from = Math.Min(today.Year, first?.Year ?? today.Year);
        var to = Math.Max(lookAhead.Year, last?.Year ?? today.Year);
        var missing = Enumerable.Range(from, to - from + 1).Where(y => !calendar.Covers(y)).ToList();
        if (missing.Count == 0)
        {
            return new([], 0, null);
        }

        var items = missing.Contains(today.Year)
            ? await dated.CountAsync(cancellationToken)
            : await dated.Where(i => missing.Contains(i.DueDate!.Value.Year)).CountAsync(cancellationToken);
        var years = string.Join('、', missing.Select(y => $"{y}年"));
        return new(
            missing,
            items,
            $"工作日历缺少{years}的节假日和调休安排：{items}个未完成事项的整改时限在这些年份（或提醒已计算到这些年份），其间的工作日暂按周一至周五计算，不会自行推定节假日。请系统管理员按国务院办公厅的通知在“工作日历”中补录。");
    }
}
