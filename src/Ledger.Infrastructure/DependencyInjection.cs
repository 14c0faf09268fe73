using Ledger.Application.Common;
using Ledger.Application.EvidenceFiles;
using Ledger.Application.Importing;
using Ledger.Application.Reminders;
using Ledger.Application.Reports;
using Ledger.Infrastructure.EvidenceFiles;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Importing;
using Ledger.Infrastructure.Notifications;
using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.Reports;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ledger.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Ledger";

    /// <summary>The health checks <c>/health/ready</c> runs: what a node needs to serve requests.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// A server database's retries: enough to ride out a dropped connection or a failover's first seconds, few enough
    /// that a database that is down is answered 503 in about three seconds. The providers' defaults (6 retries, up to
    /// 30 s apart) kept a request waiting a minute.
    /// </summary>
    private const int ServerRetries = 3;

    private static readonly TimeSpan ServerRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The database the configuration names: SQLite in the data directory unless <c>Ledger:DatabaseProvider</c> is
    /// <c>SqlServer</c> or <c>PostgreSql</c>, which then need <c>ConnectionStrings:Ledger</c>.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(LedgerOptions.Section).Get<LedgerOptions>() ?? new LedgerOptions();
        options.DataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        services.AddSingleton(options);

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (options.DatabaseProvider)
        {
            case DatabaseProvider.SqlServer:
                // Retries are safe: the unit of work saves once, outside any transaction of its own (docs/adr/0013).
                services.AddDbContext<SqlServerLedgerDbContext>(o => o.UseSqlServer(ServerConnectionString(connectionString, options), s => s.EnableRetryOnFailure(ServerRetries, ServerRetryDelay, null)));
                services.AddScoped<LedgerDbContext>(sp => sp.GetRequiredService<SqlServerLedgerDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<PostgreSqlLedgerDbContext>(o => o.UseNpgsql(ServerConnectionString(connectionString, options), s => s.EnableRetryOnFailure(ServerRetries, ServerRetryDelay, null)));
                services.AddScoped<LedgerDbContext>(sp => sp.GetRequiredService<PostgreSqlLedgerDbContext>());
                break;
            default:
                services.AddDbContext<SqliteLedgerDbContext>(o => o.UseSqlite(SqliteConnectionString(connectionString, options.DataDirectory)));
                services.AddScoped<LedgerDbContext>(sp => sp.GetRequiredService<SqliteLedgerDbContext>());
                services.AddHostedService<DatabaseStatistics.Refresher>();
                break;
        }

        services.AddScoped<ILedgerDbContext>(sp => sp.GetRequiredService<LedgerDbContext>());
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IReminderRecipients, ReminderRecipients>();
        services.AddSingleton<IDocumentReader, DocumentReader>();
        services.AddSingleton<ISpreadsheetReader, SpreadsheetReader>();
        services.AddSingleton<IReportRenderer, DocxReportRenderer>();
        var evidence = EvidenceOptionsFrom(configuration.GetSection(EvidenceOptions.Section));
        services.AddSingleton(evidence);
        var evidenceDirectory = evidence.Directory is { Length: > 0 } shared
            ? Path.GetFullPath(shared, environment.ContentRootPath)
            : Path.Combine(options.DataDirectory, "evidence");
        services.AddSingleton(new LocalEvidenceStore(evidenceDirectory, evidence));
        services.AddSingleton<IEvidenceStore>(sp => sp.GetRequiredService<LocalEvidenceStore>());
        services.AddEmail(configuration);
        services.AddTransient<DatabaseInitializer>();
        services.AddDataProtection().SetApplicationName("Ledger").PersistKeysToDbContext<LedgerDbContext>();
        services.AddHealthChecks()
            .AddDbContextCheck<LedgerDbContext>("database", tags: [ReadinessTag])
            .AddCheck<EvidenceStoreHealthCheck>("evidence", tags: [ReadinessTag]);
        return services;
    }

    /// <summary>
    /// Read by hand because the binder would append a configured allow-list to the default one instead of
    /// replacing it, and narrowing the list is the point of configuring it.
    /// </summary>
    private static EvidenceOptions EvidenceOptionsFrom(IConfigurationSection section)
    {
        var options = new EvidenceOptions();
        if (section.GetValue<long?>(nameof(EvidenceOptions.MaxBytes)) is { } maxBytes)
        {
            options.MaxBytes = maxBytes;
        }

        options.Directory = section.GetValue<string?>(nameof(EvidenceOptions.Directory));

        if (section.GetSection(nameof(EvidenceOptions.AllowedExtensions)).Get<string[]>() is { Length: > 0 } allowed)
        {
            options.AllowedExtensions = allowed;
        }

        return options;
    }

    private static string ServerConnectionString(string? configured, LedgerOptions options) =>
        string.IsNullOrWhiteSpace(configured)
            ? throw new InvalidOperationException($"Ledger:DatabaseProvider is {options.DatabaseProvider} but ConnectionStrings:Ledger is not set.")
            : configured;

    private static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? string.Empty);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = Path.Combine(dataDirectory, "ledger.db");
        }

        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
