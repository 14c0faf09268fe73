using Ledger.Application.Items;
using Ledger.Domain.Items;
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
        await FoldSearchTextAsync(cancellationToken);
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
    /// Items saved before keyword search had its folded column (<see cref="ItemSearch"/>) get it once, after the migration
    /// that adds it. The column is derived from the title and description, not a state change: nothing to audit or version.
    /// </summary>
    private async Task FoldSearchTextAsync(CancellationToken cancellationToken)
    {
        var folded = 0;
        while (true)
        {
            var batch = await db.Items.AsNoTracking()
                .Where(i => EF.Property<string?>(i, ItemSearch.Column) == null)
                .OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Title, i.Description })
                .Take(500)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            // One transaction a batch: a commit per row would take SQLite's disk sync 200,000 times on a large ledger.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var item in batch)
                {
                    var text = ItemSearch.TextOf(item.Title, item.Description);
                    await db.Items.Where(i => i.Id == item.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => EF.Property<string?>(i, ItemSearch.Column), text), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            });

            folded += batch.Count;
        }

        if (folded > 0)
        {
            LogFolded(folded);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Keyword search text written for {Count} item(s) saved before it existed")]
    private partial void LogFolded(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private partial void LogMigrating(int count, IReadOnlyList<string> migrations);
}
