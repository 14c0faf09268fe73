using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Ledger.Application.Common.Security;
using Ledger.Domain.Common;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace Ledger.Web.Jobs;

internal static class JobsSetup
{
    /// <summary><c>dotnet Ledger.Web.dll worker</c>: runs the jobs and nothing else, beside web hosts started with <c>Ledger:Jobs:Server=false</c>.</summary>
    public const string WorkerVerb = "worker";

    public const string DashboardPolicy = "HangfireDashboard";
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// The server database's own storage (SQL Server or PostgreSQL) in production, shared by every web host and worker;
    /// in-memory storage for the embedded SQLite default (Hangfire has no SQLite storage here, docs/adr/0009): its jobs
    /// live and die with the one process, and a missed scan is caught up at the next start (docs/adr/0013).
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder, bool worker)
    {
        // Whether this process runs jobs, and on which storage, decides what is registered: read and checked now.
        var options = builder.Configuration.ReadSettings<JobOptions>(JobOptions.Section);
        var ledger = builder.Configuration.ReadSettings<LedgerOptions>(LedgerOptions.Section);
        var connectionString = builder.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName);
        if (worker && ledger.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            throw new OptionsValidationException(LedgerOptions.Section, typeof(LedgerOptions),
                [$"{LedgerOptions.Section}:DatabaseProvider 为 Sqlite：单独的 worker 进程须与网站共用作业存储，请设为 PostgreSql 或 SqlServer。"]);
        }

        // Hangfire logs through a static provider; it is set from this host's services before anything logs, so a
        // storage never logs through another (perhaps disposed) host's logger factory.
        builder.Services.AddSingleton<ILogProvider>(sp => new AspNetCoreLogProvider(sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            LogProvider.SetCurrentLogProvider(sp.GetRequiredService<ILogProvider>());
            return ledger.DatabaseProvider switch
            {
                DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions
                {
                    // The recommended options: no constant polling, no global locks, short-lived job data.
                    CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                    SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.Zero,
                    UseRecommendedIsolationLevel = true,
                    DisableGlobalLocks = true,
                    SchemaName = "HangFire",
                }),
                DatabaseProvider.PostgreSql => PostgreSqlStorage(connectionString!),
                _ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(1) }),
            };
        });
        builder.Services.AddSettings<JobOptions>(builder.Configuration, JobOptions.Section);
        builder.Services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(sp.GetRequiredService<ILogProvider>())
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (options.Server || worker)
        {
            builder.Services.AddHangfireServer((_, server) =>
            {
                server.WorkerCount = options.WorkerCount;
                server.TimeZoneResolver = new ChinaTimeZoneResolver();
            });
        }

        builder.Services.AddSingleton<ReminderJobs>();
        builder.Services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs", tags: [DependencyInjection.ReadinessTag]);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Office));
        return builder;
    }

    /// <summary>
    /// Jobs in their own schema of the ledger's database. A job whose worker died is picked up again after the
    /// invisibility timeout; the scan and delivery are idempotent, so a second run sends nothing twice.
    /// </summary>
    private static PostgreSqlStorage PostgreSqlStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            QueuePollInterval = TimeSpan.FromSeconds(5),
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            UseSlidingInvisibilityTimeout = true,
            PrepareSchemaIfNecessary = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// The recurring jobs. A host that runs them (a worker, or a web host with <c>Ledger:Jobs:Server</c>) registers them
    /// on every start, so a changed cron takes effect; a web host beside workers only fills in a missing schedule, so
    /// its own, perhaps default, crons never overwrite the workers' whenever it restarts.
    /// </summary>
    public static void ScheduleJobs(this IServiceProvider services, bool worker)
    {
        var options = services.GetRequiredService<JobOptions>();
        if (worker || options.Server || !Scheduled(services.GetRequiredService<JobStorage>()))
        {
            var jobs = services.GetRequiredService<IRecurringJobManager>();
            var china = new RecurringJobOptions { TimeZone = ChinaCalendar.Zone };
            jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.ScanJobId, j => j.ScanAsync(CancellationToken.None), options.ScanCron, china);
            jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.DispatchJobId, j => j.DispatchAsync(CancellationToken.None), options.DispatchCron, china);
        }

        // Whatever the storage kept, the days the scan missed while nothing ran are caught up now, not at the next 08:30.
        var clock = services.GetRequiredService<TimeProvider>();
        // A demo shows its inboxes at once rather than after the next 08:30.
        var through = services.GetRequiredService<LedgerOptions>().DemoData ? ChinaCalendar.Today(clock) : CatchUpThrough(options.ScanCron, clock.GetUtcNow());
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReminderJobs>(j => j.CatchUpAsync(through, CancellationToken.None));
    }

    /// <summary>
    /// Today in China once today's scheduled scan time has passed, else yesterday: a start before 08:30 must not send
    /// today's reminders early. A schedule without a run today (a cron on weekdays only, on a Sunday) means today too.
    /// </summary>
    public static DateOnly CatchUpThrough(string scanCron, DateTimeOffset now)
    {
        var today = ChinaCalendar.ToChinaDate(now.UtcDateTime);
        var startOfToday = ChinaCalendar.StartOf(today);
        var next = Cronos.CronExpression.Parse(scanCron).GetNextOccurrence(startOfToday, ChinaCalendar.Zone, inclusive: true);
        return next is { } run && run > now.UtcDateTime && ChinaCalendar.ToChinaDate(run) == today ? today.AddDays(-1) : today;
    }

    private static bool Scheduled(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        var registered = connection.GetAllItemsFromSet("recurring-jobs");
        return registered.Contains(ReminderJobs.ScanJobId) && registered.Contains(ReminderJobs.DispatchJobId);
    }

    /// <summary>The dashboard (/hangfire), for the administrator and the office only.</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(DashboardPolicy, DashboardPath, new DashboardOptions
        {
            DashboardTitle = "巡察整改台账 · 后台任务",
            AppPath = "/",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
        });

    /// <summary>China's zone without depending on the host's tzdata, as <see cref="ChinaCalendar"/> does.</summary>
    private sealed class ChinaTimeZoneResolver : ITimeZoneResolver
    {
        public TimeZoneInfo GetTimeZoneById(string timeZoneId) =>
            timeZoneId == ChinaCalendar.Zone.Id ? ChinaCalendar.Zone : TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
    }
}
