using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Domain.Organisation;
using Ledger.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    /// <summary>An item's description.</summary>
    internal const int LongText = 20000;

    /// <summary>The history's old and new values: any of an item's values, up to an edit's "title|description".</summary>
    internal const int HistoryValue = 500 + 1 + LongText;

    public void Configure(EntityTypeBuilder<RectificationItem> builder)
    {
        builder.ToTable("Items");
        builder.ConfigureRoot();
        builder.Ignore(i => i.Deadline);
        builder.Property(i => i.Title).HasMaxLength(500);
        builder.Property(i => i.Description).HasMaxLength(LongText);
        builder.Property(i => i.CloseOutSummary).HasMaxLength(4000);
        builder.Property(i => i.CloseOutReviewedBy).HasMaxLength(100);
        builder.Property(i => i.AcknowledgedBy).HasMaxLength(100);
        builder.Ignore(i => i.PendingExtension);
        builder.Property<string>(ItemSearch.Column).HasMaxLength(ItemSearch.MaxLength);

        builder.HasOne<InspectionRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Aspect>().WithMany().HasForeignKey(i => i.AspectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(i => i.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.ResponsibleLeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);

        // Indexes follow the list filters: round (and the default order), overdue and due-soon (status,
        // long-term, deadline; with the id it covers both the count and the page), lead department with
        // status (a department's own ledger), leader. Measured in the closing note of issue #2.
        builder.HasIndex(i => new { i.RoundId, i.Kind, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.IsLongTerm, i.DueDate, i.Id });
        builder.HasIndex(i => new { i.LeadDepartmentId, i.Status });
        builder.HasIndex(i => i.DueDate);
        builder.HasIndex(i => new { i.UpdatedAt, i.Id });

        // Today's figures of every round (dashboard, report) count each item's status and deadline: read from this
        // index alone, not the items' rows with their texts; the id joins the measures counted per round.
        builder.HasIndex(i => new { i.RoundId, i.Status, i.DeadlineKey, i.ClosedLate, i.Id }, "IX_Items_RoundFigures");

        // A keyword's matches come from the full-text index as ids (docs/adr/0017): reached by id, each match's status,
        // deadline, department and sort keys are read here rather than from its row with its texts, so 16,660 matches
        // are counted, filtered and sorted in 15-20 ms instead of 50-85.
        builder.HasIndex(
            i => new { i.Id, i.Status, i.DeadlineKey, i.RoundId, i.Kind, i.Number, i.LeadDepartmentId, i.UpdatedAt },
            "IX_Items_KeywordMatches");

        // The dashboard's trend reads the items created in its last weeks only.
        builder.HasIndex(i => i.CreatedAt);
        OpenItemIndexes(builder);

        Child(builder.HasMany(i => i.Measures).WithOne().HasForeignKey(m => m.ItemId), builder, nameof(RectificationItem.Measures));
        Child(builder.HasMany(i => i.ProgressReports).WithOne().HasForeignKey(p => p.ItemId), builder, nameof(RectificationItem.ProgressReports));
        Child(builder.HasMany(i => i.History).WithOne().HasForeignKey(h => h.ItemId), builder, nameof(RectificationItem.History));
        Child(builder.HasMany(i => i.Evidence).WithOne().HasForeignKey(e => e.ItemId), builder, nameof(RectificationItem.Evidence));
        Child(builder.HasMany(i => i.Extensions).WithOne().HasForeignKey(e => e.ItemId), builder, nameof(RectificationItem.Extensions));
        Child(builder.HasMany(i => i.CoDepartments).WithOne().HasForeignKey(c => c.ItemId), builder, nameof(RectificationItem.CoDepartments));
        Child(builder.HasMany(i => i.Instructions).WithOne().HasForeignKey(c => c.ItemId), builder, nameof(RectificationItem.Instructions));
    }

    /// <summary>
    /// The ledger's heavy lists are of open items (超期, 临期, a department's work, 未完成): for each offered sort, an index
    /// over the open items alone, in that sort's order with the id as its tie-break, for the whole ledger and per lead
    /// department, carrying the status and the deadline key so the overdue test and a status filter read no table rows.
    /// A page, a deep page and a count then walk an index in order and never sort (docs/adr/0016). The filter is the
    /// domain's <see cref="ItemLifecycle.FirstSettled"/> as a literal, which the queries repeat word for word
    /// (<c>Status &lt; 3</c>) so SQLite can prove they imply it.
    /// </summary>
    private static void OpenItemIndexes(EntityTypeBuilder<RectificationItem> builder)
    {
        var open = $"\"Status\" < {(int)ItemLifecycle.FirstSettled}";
        string[][] sorts =
        [
            [nameof(RectificationItem.DeadlineKey), nameof(RectificationItem.Id), nameof(RectificationItem.Status)],
            [nameof(RectificationItem.RoundId), nameof(RectificationItem.Kind), nameof(RectificationItem.Number), nameof(RectificationItem.Id), nameof(RectificationItem.Status), nameof(RectificationItem.DeadlineKey)],
            [nameof(RectificationItem.Status), nameof(RectificationItem.Id), nameof(RectificationItem.DeadlineKey)],
            [nameof(RectificationItem.UpdatedAt), nameof(RectificationItem.Id), nameof(RectificationItem.Status), nameof(RectificationItem.DeadlineKey)],
        ];
        foreach (var columns in sorts)
        {
            builder.HasIndex(columns, "IX_Items_Open_" + columns[0]).HasFilter(open);
            builder.HasIndex([nameof(RectificationItem.LeadDepartmentId), .. columns], "IX_Items_Open_LeadDepartmentId_" + columns[0]).HasFilter(open);
        }

        // Counts over the whole ledger (超期, 临期, 未完成) read no ids: these narrow copies of the keys count 60,000 overdue
        // items in 1 ms where the wide indexes above take 6 (issue #21).
        builder.HasIndex(i => new { i.DeadlineKey, i.Status }, "IX_Items_Open_Count_DeadlineKey").HasFilter(open);
        builder.HasIndex(i => new { i.Status, i.DeadlineKey }, "IX_Items_Open_Count_Status").HasFilter(open);

        // 因调整时限退出超期: open items whose first deadline has passed, few beside the ledger.
        builder.HasIndex(i => new { i.OriginalDueDate, i.DeadlineKey, i.Status }, "IX_Items_Open_OriginalDueDate").HasFilter(open);
    }

    /// <summary>Children live and die with their item and are reached through its private list.</summary>
    private static void Child<T>(ReferenceCollectionBuilder<RectificationItem, T> relation, EntityTypeBuilder<RectificationItem> builder, string navigation)
        where T : class
    {
        relation.OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("Measures");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Text).HasMaxLength(4000);
        builder.Property(m => m.CompletedBy).HasMaxLength(100);
        builder.Ignore(m => m.IsDone);
        builder.HasOne<Department>().WithMany().HasForeignKey(m => m.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ItemId, m.Sequence }).IsUnique();
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("ProgressReports");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Progress).HasMaxLength(4000);
        builder.Property(p => p.NextSteps).HasMaxLength(4000);
        builder.Property(p => p.Problems).HasMaxLength(4000);
        builder.Property(p => p.ReportedBy).HasMaxLength(100);
        builder.HasIndex(p => new { p.ItemId, p.ReportDate });
    }
}

internal sealed class HistoryConfiguration : IEntityTypeConfiguration<ItemHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ItemHistoryEntry> builder)
    {
        builder.ToTable("ItemHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Actor).HasMaxLength(100);
        builder.Property(h => h.Summary).HasMaxLength(500);
        builder.Property(h => h.From).HasMaxLength(ItemConfiguration.HistoryValue);
        builder.Property(h => h.To).HasMaxLength(ItemConfiguration.HistoryValue);
        builder.Property(h => h.Reason).HasMaxLength(4000);
        builder.HasIndex(h => new { h.ItemId, h.At });

        // The dashboard's trend reads the moves into and out of 已销号 of its last weeks only, whatever the length of the
        // history: two partial indexes, as SQL Server's filters take no OR; small enough that a round's trend still starts
        // from its items (a wide index of every status move made SQLite start from the moves and visit each item).
        var statusChanged = $"\"{nameof(ItemHistoryEntry.Change)}\" = {(int)ItemChange.StatusChanged}";
        builder.HasIndex([nameof(ItemHistoryEntry.At)], "IX_ItemHistory_CloseOuts")
            .HasFilter($"{statusChanged} AND \"{nameof(ItemHistoryEntry.To)}\" = '{nameof(ItemStatus.ClosedOut)}'");
        builder.HasIndex([nameof(ItemHistoryEntry.At)], "IX_ItemHistory_Reopenings")
            .HasFilter($"{statusChanged} AND \"{nameof(ItemHistoryEntry.From)}\" = '{nameof(ItemStatus.ClosedOut)}'");
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("Evidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.Property(e => e.UploadedBy).HasMaxLength(100);
        builder.Property(e => e.StorageKey).HasMaxLength(100);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.WithdrawnBy).HasMaxLength(100);
        builder.Property(e => e.WithdrawalReason).HasMaxLength(4000);
        builder.Ignore(e => e.IsWithdrawn);
        builder.HasIndex(e => e.ItemId);

        // A failed upload's clean-up asks whether any evidence still uses the stored file.
        builder.HasIndex(e => e.StorageKey);
    }
}

internal sealed class ExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> builder)
    {
        builder.ToTable("DeadlineExtensions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.Property(e => e.RequestedBy).HasMaxLength(100);
        builder.Property(e => e.DecidedBy).HasMaxLength(100);
        builder.Property(e => e.DecisionReason).HasMaxLength(4000);
        builder.HasIndex(e => new { e.ItemId, e.RequestedAt });
    }
}

internal sealed class InstructionConfiguration : IEntityTypeConfiguration<LeaderInstruction>
{
    public void Configure(EntityTypeBuilder<LeaderInstruction> builder)
    {
        builder.ToTable("LeaderInstructions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.Property(e => e.GivenBy).HasMaxLength(100);
        builder.Property(e => e.ReadBy).HasMaxLength(100);
        builder.HasIndex(e => new { e.ItemId, e.GivenAt });
    }
}

internal sealed class CoDepartmentConfiguration : IEntityTypeConfiguration<ItemCoDepartment>
{
    public void Configure(EntityTypeBuilder<ItemCoDepartment> builder)
    {
        builder.ToTable("ItemCoDepartments");
        builder.HasKey(c => new { c.ItemId, c.DepartmentId });
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.DepartmentId);
    }
}
