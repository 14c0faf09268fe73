using Ledger.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> builder)
    {
        builder.ToTable("Rounds");
        builder.ConfigureRoot();
        builder.Property(r => r.InspectingTeam).HasMaxLength(200);
        builder.Property(r => r.InspectedUnit).HasMaxLength(200);
        builder.Property(r => r.ShortName).HasMaxLength(RoundTag.ShortNameLength);

        builder.HasMany(r => r.Aspects).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Aspects).HasField("_aspects").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AspectConfiguration : IEntityTypeConfiguration<Aspect>
{
    public void Configure(EntityTypeBuilder<Aspect> builder)
    {
        builder.ToTable("Aspects");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.HasIndex(a => new { a.RoundId, a.Order });
    }
}

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.ToTable("SourceDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.ImportedBy).HasMaxLength(100);
        builder.HasIndex(d => d.Sha256).IsUnique();
        builder.HasOne<InspectionRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}
