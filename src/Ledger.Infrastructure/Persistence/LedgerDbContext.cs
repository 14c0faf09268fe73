using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Domain.Auditing;
using Ledger.Domain.Calendar;
using Ledger.Domain.Items;
using Ledger.Domain.Organisation;
using Ledger.Domain.Reminders;
using Ledger.Domain.Reports;
using Ledger.Domain.Rounds;
using Ledger.Domain.Settings;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence.Search;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// The model every provider shares. Each provider has its own subclass so that each keeps its own
/// migrations (docs/adr/0001); the application only sees <see cref="ILedgerDbContext"/>.
/// </summary>
public abstract class LedgerDbContext(DbContextOptions options)
    : IdentityDbContext<LedgerUser, LedgerRole, Guid>(options), ILedgerDbContext, IDataProtectionKeyContext
{
    public DbSet<InspectionRound> Rounds => Set<InspectionRound>();

    public DbSet<RectificationItem> Items => Set<RectificationItem>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();

    public DbSet<WorkflowSettings> WorkflowSettings => Set<WorkflowSettings>();

    public DbSet<ReminderSettings> ReminderSettings => Set<ReminderSettings>();

    public DbSet<CalendarEntry> CalendarEntries => Set<CalendarEntry>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<EmailDigest> EmailDigests => Set<EmailDigest>();

    public DbSet<ReminderScanDay> ReminderScanDays => Set<ReminderScanDay>();

    public DbSet<SupervisionNotice> SupervisionNotices => Set<SupervisionNotice>();

    public DbSet<RectificationReport> Reports => Set<RectificationReport>();

    public DbSet<PublishedReport> PublishedReports => Set<PublishedReport>();

    public DbSet<ItemSearchEntry> ItemSearchEntries => Set<ItemSearchEntry>();

    /// <summary>The keys that sign cookies and refresh tokens, shared by every node so none signs out another's users.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// A unique key refused means another writer created the same record between this one's read and its save (two
    /// first saves of a round's report draft, say): a stale write like any other, answered with 409, not a failure.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await SearchDocuments.KeepCurrentAsync(this, cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && IsDuplicateKey(e.InnerException))
        {
            throw new DbUpdateConcurrencyException("A unique key was taken by a concurrent write.", e);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LedgerDbContext).Assembly);
    }

    /// <summary>Whether the provider's error is a unique index or primary key refusing a duplicate.</summary>
    protected abstract bool IsDuplicateKey(Exception? providerError);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC; neither SQLite nor datetime2 keeps DateTime.Kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(200);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteLedgerDbContext(DbContextOptions<SqliteLedgerDbContext> options) : LedgerDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        SearchModel.Sqlite(builder, this.GetService<IRelationalTypeMappingSource>());
    }

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    protected override bool IsDuplicateKey(Exception? providerError) => providerError is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}

public sealed class SqlServerLedgerDbContext(DbContextOptions<SqlServerLedgerDbContext> options) : LedgerDbContext(options)
{
    public const string RowVersion = nameof(RowVersion);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQL Server checks a rowversion as well: it changes on every write, even one made outside Ledger.
        builder.Entity<RectificationItem>().Property<byte[]>(RowVersion).IsRowVersion();
        SearchModel.SqlServer(builder, this.GetService<IRelationalTypeMappingSource>());
    }

    // A duplicate in a unique index, and a violated primary key or unique constraint.
    protected override bool IsDuplicateKey(Exception? providerError) => providerError is SqlException { Number: 2601 or 2627 };
}

/// <summary>PostgreSQL, and the domestic databases that speak its protocol and dialect (openGauss, KingbaseES, 瀚高).</summary>
public sealed class PostgreSqlLedgerDbContext(DbContextOptions<PostgreSqlLedgerDbContext> options) : LedgerDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        SearchModel.PostgreSql(builder, this.GetService<IRelationalTypeMappingSource>());
    }

    // unique_violation.
    protected override bool IsDuplicateKey(Exception? providerError) => providerError is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
