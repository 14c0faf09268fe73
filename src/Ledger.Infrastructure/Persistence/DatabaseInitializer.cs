using Ledger.Domain.Items;
using Ledger.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// Creates the data directory, brings the database to the latest migration (unless a DBA runs the scripts in db/), and
/// fills in what a migration could not compute in SQL.
/// </summary>
public sealed partial class DatabaseInitializer(LedgerDbContext db, LedgerOptions options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0 && !options.MigrateOnStartup)
        {
            // Better to stop here, saying why, than to start and fail every request on a missing table or column.
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}) and Ledger:MigrateOnStartup is false: " +
                "run db/ledger-postgresql.sql or db/ledger-sqlserver.sql on it first (SQLite: let Ledger migrate it).");
        }

        if (pending.Count > 0)
        {
            LogMigrating(pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        // Also where a DBA ran the script: the fold is .NET's (NFKC), which no script can compute.
        await FillSearchDocumentsAsync(cancellationToken);
        await KeyDeadlinesAsync(cancellationToken);
        if (pending.Count > 0)
        {
            await DatabaseStatistics.RefreshAsync(db, everything: true, cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a command writes; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Items saved before keyword search read measures and progress reports get their search document once, after the
    /// migration that adds its column; on SQLite, the full-text index over it is then made or mended.
    /// </summary>
    private async Task FillSearchDocumentsAsync(CancellationToken cancellationToken)
    {
        var filled = await SearchDocuments.FillAsync(db, cancellationToken);
        if (filled > 0)
        {
            LogFolded(filled);
        }

        if (db.Database.IsSqlite() && await SqliteFullTextIndex.EnsureAsync(db, refill: filled > 0, cancellationToken))
        {
            LogIndexed();
        }
    }

    /// <summary>
    /// Items saved before the deadline had its sortable key (<see cref="RectificationItem.DeadlineKey"/>) get it once: the
    /// migration adds the column as the earliest date, which no item the domain saves ever has. Derived, not a change:
    /// nothing to audit or version.
    /// </summary>
    private async Task KeyDeadlinesAsync(CancellationToken cancellationToken)
    {
        var keyed = await db.Items.Where(i => i.DeadlineKey == DateOnly.MinValue).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.DeadlineKey, i => i.IsLongTerm || i.DueDate == null ? DeadlineWarnings.Unwatched : i.DueDate.Value),
            cancellationToken);
        if (keyed > 0)
        {
            LogKeyed(keyed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sort key written for {Count} item(s) saved before it existed")]
    private partial void LogKeyed(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Keyword search document written for {Count} item(s) saved before it held measures and progress")]
    private partial void LogFolded(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Keyword search index (SQLite FTS5) filled from the items")]
    private partial void LogIndexed();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private partial void LogMigrating(int count, IReadOnlyList<string> migrations);
}
