using Ledger.Application.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Persistence.Search;

/// <summary>
/// SQLite's keyword index: an FTS5 table with the trigram tokenizer over each item's folded document (any substring of
/// three characters or more is found through it), kept in step by triggers on Items, so every write — a save, the backfill,
/// a row a DBA fixes by hand — reaches it in its own transaction. The index holds no copy of the text (contentless): a row
/// leaves it by FTS5's 'delete' command given the text it was indexed with, the old document the triggers hold, rather
/// than by contentless_delete, which SQLite 3.43 brought and older tools (Debian 12's sqlite3 shell, 3.40) refuse to open a
/// database with; its integer rows are tied to items through a key table, not to Items' own rowid, which a VACUUM or a table
/// rebuild by a migration may renumber. Created at start-up rather than in a migration: EF rebuilds a SQLite table for some
/// schema changes and drops its triggers with it, and start-up puts them back (docs/adr/0017).
/// </summary>
internal static class SqliteFullTextIndex
{
    public const string Index = "ItemSearchIndex";

    public const string Keys = "ItemSearchKeys";

    private const string Document = ItemSearch.Column;

    private static readonly string[] Schema =
    [
        $"""CREATE TABLE IF NOT EXISTS "{Keys}" ("RowId" INTEGER PRIMARY KEY, "ItemId" TEXT NOT NULL UNIQUE)""",
        $"""CREATE VIRTUAL TABLE IF NOT EXISTS "{Index}" USING fts5("Document", content='', tokenize='trigram')""",
        $"""
        CREATE TRIGGER IF NOT EXISTS "Items_Search_Insert" AFTER INSERT ON "Items" BEGIN
            INSERT INTO "{Keys}" ("ItemId") VALUES (new."Id");
            INSERT INTO "{Index}" (rowid, "Document") SELECT "RowId", new."{Document}" FROM "{Keys}" WHERE "ItemId" = new."Id";
        END
        """,
        $"""
        CREATE TRIGGER IF NOT EXISTS "Items_Search_Update" AFTER UPDATE OF "{Document}" ON "Items" BEGIN
            INSERT INTO "{Index}" ("{Index}", rowid, "Document") SELECT 'delete', "RowId", old."{Document}" FROM "{Keys}" WHERE "ItemId" = old."Id";
            INSERT INTO "{Index}" (rowid, "Document") SELECT "RowId", new."{Document}" FROM "{Keys}" WHERE "ItemId" = new."Id";
        END
        """,
        $"""
        CREATE TRIGGER IF NOT EXISTS "Items_Search_Delete" AFTER DELETE ON "Items" BEGIN
            INSERT INTO "{Index}" ("{Index}", rowid, "Document") SELECT 'delete', "RowId", old."{Document}" FROM "{Keys}" WHERE "ItemId" = old."Id";
            DELETE FROM "{Keys}" WHERE "ItemId" = old."Id";
        END
        """,
    ];

    /// <summary>
    /// Creates the index, its key table and triggers where missing, and fills the index from Items when asked to or when it
    /// does not hold exactly one row per item (new, or items written while a migration had dropped the triggers). Returns
    /// whether it filled it.
    /// </summary>
    /// <param name="refill">Documents were written without the triggers, as the backfill after a table rebuild does.</param>
    public static async Task<bool> EnsureAsync(LedgerDbContext db, bool refill, CancellationToken cancellationToken)
    {
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var statement in Schema)
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }

            var items = await db.Items.CountAsync(cancellationToken);
            var keyed = await db.Database.SqlQueryRaw<int>(
                $"""SELECT COUNT(*) AS "Value" FROM "{Keys}" AS k JOIN "Items" AS i ON i."Id" = k."ItemId" """).SingleAsync(cancellationToken);
            var keys = await db.Database.SqlQueryRaw<int>($"""SELECT COUNT(*) AS "Value" FROM "{Keys}" """).SingleAsync(cancellationToken);
            var filled = refill || items != keyed || keys != keyed;
            if (filled)
            {
                await db.Database.ExecuteSqlRawAsync($"""INSERT INTO "{Index}" ("{Index}") VALUES ('delete-all')""", cancellationToken);
                await db.Database.ExecuteSqlRawAsync($"""DELETE FROM "{Keys}" """, cancellationToken);
                await db.Database.ExecuteSqlRawAsync($"""INSERT INTO "{Keys}" ("ItemId") SELECT "Id" FROM "Items" """, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(
                    $"""INSERT INTO "{Index}" (rowid, "Document") SELECT k."RowId", i."{Document}" FROM "{Keys}" AS k JOIN "Items" AS i ON i."Id" = k."ItemId" """,
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return filled;
        });
    }
}
