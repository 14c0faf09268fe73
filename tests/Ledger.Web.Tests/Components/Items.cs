using Ledger.Application.Items;
using Ledger.Domain.Calendar;
using Ledger.Domain.Items;

namespace Ledger.Web.Tests.Components;

/// <summary>Rows of the ledger as the list query answers them on 2025年1月16日.</summary>
internal static class Items
{
    public static readonly DateOnly Today = new(2025, 1, 16);

    /// <param name="workingDaysLeft">What the list counts in working days; null where it counts none (long-term, settled, undated).</param>
    /// <param name="dueSoon">The office's 临期 working days the list judged the row's warning by.</param>
    public static ItemListDto Row(ItemStatus status = ItemStatus.InProgress, int? workingDaysLeft = null, DateOnly? due = null, bool longTerm = false, int dueSoon = 3) =>
        Row(status, workingDaysLeft, due, longTerm, DeadlineWarnings.LevelOf(
            status, Deadline.From(due, longTerm), Today, DeadlineWarnings.DueSoonEnd(WorkingCalendar.WeekdaysOnly, Today, dueSoon)));

    private static ItemListDto Row(ItemStatus status, int? workingDaysLeft, DateOnly? due, bool longTerm, WarningLevel warning) =>
        new(
            Guid.NewGuid(),
            Guid.NewGuid(),
            Guid.NewGuid(),
            Guid.NewGuid(),
            "（一）政治建设方面",
            ItemKind.Feedback,
            1,
            "2024年三巡",
            "理论学习不够深入",
            status,
            status.ToChinese(),
            null,
            "办公室",
            null,
            "李明",
            null,
            "周敏",
            due,
            longTerm,
            warning == WarningLevel.Red,
            warning,
            workingDaysLeft,
            0,
            0,
            false,
            0,
            null,
            0,
            false,
            0,
            DateTime.UtcNow);
}
