using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Domain.Tests.Items;

/// <summary>Builds items in any status by walking the lifecycle the way users do.</summary>
internal static class ItemFactory
{
    public static readonly ChangeStamp Stamp = new("tester", new DateTime(2025, 1, 16, 2, 0, 0, DateTimeKind.Utc));

    /// <summary>A stored evidence file as the store describes it; the hash comes from the name so different names differ.</summary>
    public static EvidenceFile Proof(string fileName, long sizeBytes = 1024)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileName)));
        return new EvidenceFile(fileName, sha, sizeBytes, $"{sha[..2]}/{sha}", "application/pdf");
    }

    public static RectificationItem New() =>
        RectificationItem.Create(Guid.NewGuid(), Guid.NewGuid(), ItemKind.Feedback, 1, "学习贯彻不够深入", "描述", Stamp);

    public static RectificationItem In(ItemStatus status)
    {
        var item = New();
        if (status == ItemStatus.NotStarted)
        {
            return item;
        }

        item.Start(Stamp);
        if (status == ItemStatus.InProgress)
        {
            return item;
        }

        if (status == ItemStatus.PartiallyDone)
        {
            item.MarkPartiallyDone("长期措施持续推进", Stamp);
            return item;
        }

        item.MarkCompleted(Stamp);
        if (status == ItemStatus.Completed)
        {
            return item;
        }

        item.AttachEvidence(ItemFactory.Proof("会议纪要.pdf"), null, null, new DateOnly(2025, 1, 10), Stamp);
        item.RequestCloseOut("已建立制度并组织学习", Stamp);
        if (status == ItemStatus.CloseOutRequested)
        {
            return item;
        }

        item.ReviewCloseOut(true, null, Stamp);
        item.DecideCloseOut(true, null, Stamp);
        return item;
    }
}
