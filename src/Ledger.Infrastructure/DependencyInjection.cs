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
using Microsoft.Extensions.Options;

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
        // The provider decides what is registered, so it is read, and checked, now.
        var options = configuration.ReadSettings<LedgerOptions>(LedgerOptions.Section);
        var dataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        options.DataDirectory = dataDirectory;
        services.AddSettings<LedgerOptions>(configuration, LedgerOptions.Section)
            .PostConfigure(o => o.DataDirectory = Path.GetFullPath(o.DataDirectory, environment.ContentRootPath));

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (options.DatabaseProvider)
        {
            case DatabaseProvider.SqlServer:
                // Retries are safe: the unit of work saves once, outside any transaction of its own (docs/adr/0013).
                var sqlServer = ServerConnectionString(connectionString, options);
                services.AddDbContext<SqlServerLedgerDbContext>(o => o.UseSqlServer(sqlServer, s => s.EnableRetryOnFailure(ServerRetries, ServerRetryDelay, null)));
                services.AddScoped<LedgerDbContext>(sp => sp.GetRequiredService<SqlServerLedgerDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                var postgreSql = ServerConnectionString(connectionString, options);
                services.AddDbContext<PostgreSqlLedgerDbContext>(o => o.UseNpgsql(postgreSql, s => s.EnableRetryOnFailure(ServerRetries, ServerRetryDelay, null)));
                services.AddScoped<LedgerDbContext>(sp => sp.GetRequiredService<PostgreSqlLedgerDbContext>());
                break;
            default:
                services.AddDbContext<SqliteLedgerDbContext>(o => o.UseSqlite(SqliteConnectionString(connectionString, options.DataDirectory)));
                services.AddScoped<LedgerDbContext>(sp => sp.GetRequiredService<SqliteLedgerDbContext>());
                services.AddHostedService<DatabaseStatistics.Refresher>();
                break;
        }

        services.AddScoped<ILedgerDbContext>(sp => sp.GetRequiredService<LedgerDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IReminderRecipients, ReminderRecipients>();
        services.AddSingleton<IDocumentReader, DocumentReader>();
        services.AddSingleton<ISpreadsheetReader, SpreadsheetReader>();
        services.AddSingleton<IReportRenderer, DocxReportRenderer>();
        services.AddSettings<EvidenceOptions>(configuration, EvidenceOptions.Section);
        services.AddSingleton(sp =>
        {
            var evidence = sp.GetRequiredService<EvidenceOptions>();
            var directory = evidence.Directory is { Length: > 0 } shared
                ? Path.GetFullPath(shared, environment.ContentRootPath)
                : Path.Combine(dataDirectory, "evidence");
            return new LocalEvidenceStore(directory, evidence);
        });
        services.AddSingleton<IEvidenceStore>(sp => sp.GetRequiredService<LocalEvidenceStore>());
        services.AddEmail(configuration);
        services.AddTransient<DatabaseInitializer>();
        services.AddDataProtection().SetApplicationName("Ledger").PersistKeysToDbContext<LedgerDbContext>();
        services.AddHealthChecks()
            .AddDbContextCheck<LedgerDbContext>("database", tags: [ReadinessTag])
            .AddCheck<EvidenceStoreHealthCheck>("evidence", tags: [ReadinessTag]);
        return services;
    }

    private static string ServerConnectionString(string? configured, LedgerOptions options) =>
        string.IsNullOrWhiteSpace(configured)
            ? throw new OptionsValidationException(
                $"ConnectionStrings:{ConnectionStringName}", typeof(LedgerOptions),
                [$"ConnectionStrings:{ConnectionStringName} 未设置：{LedgerOptions.Section}:DatabaseProvider 为 {options.DatabaseProvider} 时须填写数据库连接字符串。"])
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
