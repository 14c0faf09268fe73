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
