using Ledger.Application.Items;
using Ledger.Domain.Items;

namespace Ledger.Web.Tests.Components;

/// <summary>Rows of the ledger as the list query answers them on 2025年1月16日.</summary>
internal static class Items
{
    public static readonly DateOnly Today = new(2025, 1, 16);

    /// <param name="workingDaysLeft">What the list counts in working days; null where it counts none (long-term, settled, undated).</param>
    public static ItemListDto Row(ItemStatus status = ItemStatus.InProgress, int? workingDaysLeft = null, DateOnly? due = null, bool longTerm = false) =>
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
            ItemLifecycle.IsOverdue(status, due, longTerm, Today),
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
