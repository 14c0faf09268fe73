using Ledger.Domain.Items;
using Ledger.Domain.Reports;
using Ledger.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class RectificationReportConfiguration : IEntityTypeConfiguration<RectificationReport>
{
    /// <summary>A part of the report the office writes (EditReportCommandValidator.PartLength).</summary>
    private const int PartLength = 20_000;

    public void Configure(EntityTypeBuilder<RectificationReport> builder)
    {
        builder.ToTable("Reports");
        builder.ConfigureRoot();
        builder.HasIndex(r => r.RoundId).IsUnique();
        builder.HasOne<InspectionRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Signature).HasMaxLength(200);
        builder.Property(r => r.OrganisationHeading).HasMaxLength(200);
        builder.Property(r => r.ProblemsHeading).HasMaxLength(200);
        builder.Property(r => r.NextStepsHeading).HasMaxLength(200);
        builder.Property(r => r.Opening).HasMaxLength(4000);
        builder.Property(r => r.Organisation).HasMaxLength(PartLength);
        builder.Property(r => r.NextSteps).HasMaxLength(PartLength);
        builder.Property(r => r.Closing).HasMaxLength(4000);

        builder.OwnsMany(r => r.ItemTexts, text =>
        {
            text.ToTable("ReportItemTexts");
            text.WithOwner().HasForeignKey(t => t.ReportId);
            text.HasKey(t => new { t.ReportId, t.ItemId });
            text.HasOne<RectificationItem>().WithMany().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Restrict);
            text.Property(t => t.WrittenBy).HasMaxLength(100);
            text.Property(t => t.Text).HasMaxLength(PartLength);
        });
        builder.Navigation(r => r.ItemTexts).HasField("_itemTexts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PublishedReportConfiguration : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> builder)
    {
        builder.ToTable("PublishedReports");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => new { p.RoundId, p.Edition }).IsUnique();
        builder.HasOne<InspectionRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.DocxSha256).HasMaxLength(64).IsFixedLength();

        // The frozen edition: the whole text and its figures, items and issues as JSON, however long.
        builder.Property(p => p.Text).HasMaxLength(-1);
        builder.Property(p => p.Figures).HasMaxLength(-1);
        builder.Property(p => p.Items).HasMaxLength(-1);
        builder.Property(p => p.Issues).HasMaxLength(-1);
        builder.Property(p => p.PublishedBy).HasMaxLength(100);
    }
}
