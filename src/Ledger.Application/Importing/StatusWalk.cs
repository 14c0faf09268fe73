using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Application.Importing;

/// <summary>
/// Brings an item to a status an imported document states, through the same steps a user takes, so the history
/// tells how it got there. Close-out is never reached this way: it needs evidence and two sign-offs.
/// </summary>
internal static class StatusWalk
{
    /// <summary>Why <paramref name="from"/> cannot be walked to <paramref name="to"/>, or null when it can.</summary>
    public static string? Refusal(ItemStatus from, ItemStatus to)
    {
        if (from == to)
        {
            return null;
        }

        if (to > ItemLifecycle.FirstSettled || from > ItemLifecycle.FirstSettled)
        {
            return $"“{from.ToChinese()}”不能通过导入改为“{to.ToChinese()}”：销号须在台账中申请、审核、审批。";
        }

        return to == ItemStatus.NotStarted ? $"已{from.ToChinese()}的事项不能退回“{to.ToChinese()}”。" : null;
    }

    /// <param name="doneOn">The date measures still open are recorded as done on, when the status is 已完成.</param>
    /// <param name="source">What states the status, for the history: e.g. 导入的报告.</param>
    public static void Walk(RectificationItem item, ItemStatus to, DateOnly doneOn, string source, ChangeStamp stamp)
    {
        if (Refusal(item.Status, to) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        if (item.Status == to)
        {
            return;
        }

        if (item.Status > to)
        {
            item.Resume($"{source}载明：{to.ToChinese()}", stamp);
        }

        if (item.Status == ItemStatus.NotStarted)
        {
            item.Start(stamp);
        }

        switch (to)
        {
            case ItemStatus.PartiallyDone:
                item.MarkPartiallyDone($"{source}载明：{to.ToChinese()}", stamp);
                break;
            case ItemStatus.Completed:
                foreach (var measure in item.Measures.Where(m => !m.IsDone))
                {
                    item.CompleteMeasure(measure.Id, doneOn, stamp);
                }

                item.MarkCompleted(stamp);
                break;
        }
    }
}
