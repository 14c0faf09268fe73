using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// Keeps the planner's statistics current so the ledger's queries stay on their indexes as the ledger grows (without
/// them SQLite took page 2001 of the open items from an index walk to a scan, ~1 s at 200,000 items): after migrations
/// (<see cref="DatabaseInitializer"/>, on PostgreSQL with a VACUUM) and, on SQLite, every few hours, which also covers bulk
/// imports. PostgreSQL's autovacuum analyzes tables as they change; SQL Server updates statistics automatically.
/// </summary>
public static partial class DatabaseStatistics
{
    /// <summary>How often SQLite is asked to refresh what changed; <c>PRAGMA optimize</c> skips tables that did not.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(3);

    /// <param name="everything">After a migration: analyze every table, new indexes included; otherwise only what changed.</param>
    public static async Task RefreshAsync(DbContext db, bool everything, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            // A row sample per index keeps this to a fraction of a second at 200,000 items (sqlite.org/lang_analyze.html).
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(everything ? "ANALYZE;" : "PRAGMA optimize;", cancellationToken);
        }
        else if (everything && db.Database.IsNpgsql())
        {
            // VACUUM too: a migration that rewrites rows (the search documents' backfill rewrites every item) clears the
            // visibility map, and until autovacuum comes by the index-only counts read the table (at 200,000 items the
            // overdue count took 75 ms instead of 8, the deep page 196 instead of 20).
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE);", cancellationToken);
        }
    }

    /// <summary>The periodic refresh on SQLite, where one host owns the database file.</summary>
    internal sealed partial class Refresher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Refresher> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(Period, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await RefreshAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>(), everything: false, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Stale statistics slow queries down but break nothing: try again next time.
                    LogFailed(e);
                }
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the database statistics failed")]
        private partial void LogFailed(Exception exception);
    }
}
