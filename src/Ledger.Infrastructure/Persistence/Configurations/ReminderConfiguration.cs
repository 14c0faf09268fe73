using Ledger.Domain.Calendar;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;
using Ledger.Domain.Settings;
using Ledger.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("Reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.Key);
        builder.HasOne<RectificationItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerUser>().WithMany().HasForeignKey(r => r.RecipientUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Restrict);

        // The exactly-once guarantee: a second insert of the same reminder fails, whichever server or retry makes it.
        builder.HasIndex(r => new { r.ItemId, r.Kind, r.SeriesDate, r.Stage, r.RecipientUserId }).IsUnique();
        builder.HasIndex(r => r.NotificationId);
        builder.HasIndex(r => r.RecipientUserId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleLength);
        builder.Property(n => n.Body).HasMaxLength(-1);
        builder.Property(n => n.CancelReason).HasMaxLength(500);
        builder.HasOne<LedgerUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EmailDigest>().WithMany().HasForeignKey(n => n.EmailDigestId).OnDelete(DeleteBehavior.Restrict);

        // The inbox (newest first, unread count) and the dispatcher's pending list.
        builder.HasIndex(n => new { n.RecipientUserId, n.DeliveredAt, n.ReadAt });
        builder.HasIndex(n => new { n.DeliveredAt, n.CancelledAt });
        builder.HasIndex(n => n.EmailDigestId);

        // The dispatcher's look for requests and decisions, delivered at once, still to join a digest.
        builder.HasIndex(n => n.AwaitsDigest);
    }
}

internal sealed class EmailDigestConfiguration : IEntityTypeConfiguration<EmailDigest>
{
    public void Configure(EntityTypeBuilder<EmailDigest> builder)
    {
        builder.ToTable("EmailDigests");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.Address).HasMaxLength(256);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<LedgerUser>().WithMany().HasForeignKey(d => d.RecipientUserId).OnDelete(DeleteBehavior.Restrict);

        // One email per person per day, however many dispatchers gather the day's messages.
        builder.HasIndex(d => new { d.RecipientUserId, d.Day }).IsUnique();
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> builder)
    {
        builder.ToTable("SupervisionNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Ignore(n => n.NumberText);
        builder.Property(n => n.Addressee).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(-1);
        builder.Property(n => n.IssuedBy).HasMaxLength(100);

        // Two offices numbering at once cannot both issue 督〔2025〕3号: the second gets 409 and numbers again.
        builder.HasIndex(n => new { n.Year, n.Number }).IsUnique();
        builder.HasMany(n => n.Items).WithOne().HasForeignKey(i => i.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupervisionNoticeItemConfiguration : IEntityTypeConfiguration<SupervisionNoticeItem>
{
    public void Configure(EntityTypeBuilder<SupervisionNoticeItem> builder)
    {
        builder.ToTable("SupervisionNoticeItems");
        builder.HasKey(i => new { i.NoticeId, i.ItemId });
        builder.HasOne<RectificationItem>().WithMany().HasForeignKey(i => i.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ItemId);
    }
}

internal sealed class ReminderScanDayConfiguration : IEntityTypeConfiguration<ReminderScanDay>
{
    public void Configure(EntityTypeBuilder<ReminderScanDay> builder)
    {
        builder.ToTable("ReminderScanDays");

        // The day is the key: two scans completing the same day cannot both record it.
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).ValueGeneratedNever();
    }
}

internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> builder)
    {
        builder.ToTable("ReminderSettings");
        builder.ConfigureRoot();
        builder.Ignore(s => s.Rules);
        builder.Property(s => s.DueSoonOffsets)
            .HasField("_dueSoonOffsets")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray(),
                new ValueComparer<IReadOnlyList<int>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, HashCode.Combine), v => v.ToArray()))
            .HasMaxLength(100);
        // Settings saved before the threshold was one keep the default the UI used; the sentinel is a value no one can
        // save, so EF always writes the office's own choice, 0 included.
        builder.Property(s => s.DueSoonWorkingDays).HasDefaultValue(Domain.Items.DeadlineWarnings.DefaultDueSoonWorkingDays).HasSentinel(-1);
        builder.HasOne<Domain.Organisation.Person>().WithMany().HasForeignKey(s => s.PrincipalLeaderPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> builder)
    {
        builder.ToTable("CalendarEntries");
        builder.ConfigureRoot();
        builder.Property(e => e.Name).HasMaxLength(50);
        builder.HasIndex(e => e.Date).IsUnique();
    }
}
