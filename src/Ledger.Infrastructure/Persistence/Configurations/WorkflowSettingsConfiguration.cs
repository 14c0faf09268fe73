using Ledger.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowSettingsConfiguration : IEntityTypeConfiguration<WorkflowSettings>
{
    public void Configure(EntityTypeBuilder<WorkflowSettings> builder)
    {
        builder.ToTable("WorkflowSettings");
        builder.ConfigureRoot();
    }
}
