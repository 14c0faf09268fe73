using Ledger.Application.Items;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Rounds;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ledger.Infrastructure.Tests.Persistence;

/// <summary>An item with two measures on a database made as Ledger's start-up makes it.</summary>
public abstract class SearchDocumentTestsBase : IAsyncLifetime
{
    protected static readonly ChangeStamp Stamp = new("办公室", new DateTime(2025, 1, 16, 2, 0, 0, DateTimeKind.Utc));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-search-" + Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database;

    protected SearchDocumentTestsBase(TestDatabase database) => _database = database;

    protected Guid ItemId { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var db = Open();
        await new DatabaseInitializer(db, new LedgerOptions { DataDirectory = _folder }, NullLogger<DatabaseInitializer>.Instance).InitializeAsync();
        var round = InspectionRound.Create(new RoundDetails("市委第三巡察组", "某院党组", null, null, null, null), Stamp);
        var aspect = round.AddAspect("作风建设方面", null, Stamp);
        var item = RectificationItem.Create(round.Id, aspect.Id, ItemKind.Feedback, 1, "车辆管理不规范", null, Stamp);
        item.AddMeasure("建立公车使用登记制度", null, null, Stamp);
        item.AddMeasure("开展专项清理", null, null, Stamp);
        db.AddRange(round, item);
        await db.SaveChangesAsync();
        ItemId = item.Id;
    }

    protected Task InitializeAgainAsync(LedgerDbContext db) =>
        new DatabaseInitializer(db, new LedgerOptions { DataDirectory = _folder }, NullLogger<DatabaseInitializer>.Instance).InitializeAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    protected LedgerDbContext Open() => _database.Open(Path.Combine(_folder, "ledger.db"));

    protected async Task<List<Guid>> FoundAsync(string keyword)
    {
        await using var db = Open();
        return await db.Items.Matching(db.ItemSearchEntries, keyword).Select(i => i.Id).ToListAsync();
    }
}

/// <summary>
/// SQLite's FTS5 index is kept by triggers, which EF drops with the table when a migration rebuilds Items: start-up puts them
/// back and refills an index that no longer holds one row per item, whatever the suite's provider.
/// </summary>
public sealed class SqliteFullTextIndexTests : SearchDocumentTestsBase
{
    public SqliteFullTextIndexTests()
        : base(TestDatabase.Sqlite())
    {
    }

    [Fact]
    public async Task A_sqlite_index_whose_triggers_a_migration_dropped_is_mended_at_start_up()
    {
        await using (var db = Open())
        {
            // As a migration that rebuilds Items leaves it: triggers gone, the text changed, the document to be written again.
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "Items_Search_Insert"; DROP TRIGGER "Items_Search_Update";""");
            await db.Items.ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Title, "公务接待超标准")
                .SetProperty(i => EF.Property<string?>(i, ItemSearch.Column), (string?)null));
            await InitializeAgainAsync(db);
            Assert.Equal([ItemId], await FoundAsync("公务接待"));
            Assert.Empty(await FoundAsync("车辆管理"));

            var item = await db.Items.SingleAsync(i => i.Id == ItemId);
            item.Edit(item.AspectId, "会议费报销不规范", null, Stamp);
            await db.SaveChangesAsync();
        }

        Assert.Equal([ItemId], await FoundAsync("会议费报销"));
        Assert.Empty(await FoundAsync("公务接待"));
    }
}

/// <summary>
/// The folded document keyword search reads is written in the same save as the change to what it is made of, whichever
/// part changes, and the full-text index follows it, on the suite's provider (docs/adr/0017).
/// </summary>
public sealed class SearchDocumentTests : SearchDocumentTestsBase
{
    public SearchDocumentTests()
        : base(TestDatabase.Create())
    {
    }

    [Fact]
    public async Task A_measure_removed_or_edited_is_no_longer_found_after_the_save_that_changes_it()
    {
        await using (var db = Open())
        {
            var item = await db.Items.Include(i => i.Measures).SingleAsync(i => i.Id == ItemId);
            db.Remove(item.Measures.Single(m => m.Sequence == 1));
            db.Entry(item.Measures.Single(m => m.Sequence == 2)).Property(m => m.Text).CurrentValue = "开展超编车辆清理";
            await db.SaveChangesAsync();
        }

        Assert.Empty(await FoundAsync("公车使用"));
        Assert.Empty(await FoundAsync("专项清理"));
        Assert.Equal([ItemId], await FoundAsync("超编车辆"));
    }

    [Fact]
    public async Task A_save_that_does_not_load_the_items_measures_keeps_them_in_its_document()
    {
        await using (var db = Open())
        {
            var item = await db.Items.SingleAsync(i => i.Id == ItemId);
            item.ReportProgress(new DateOnly(2025, 1, 16), "已完成车辆清查", null, "部分车辆手续不全", Stamp);
            await db.SaveChangesAsync();
        }

        Assert.Equal([ItemId], await FoundAsync("公车使用"));
        Assert.Equal([ItemId], await FoundAsync("车辆清查"));
        Assert.Equal([ItemId], await FoundAsync("手续不全"));
    }

    [Fact]
    public async Task Items_saved_before_their_documents_held_measures_get_them_at_start_up()
    {
        await using (var db = Open())
        {
            await db.Items.ExecuteUpdateAsync(s => s.SetProperty(i => EF.Property<string?>(i, ItemSearch.Column), (string?)null));
            await InitializeAgainAsync(db);
        }

        Assert.Equal([ItemId], await FoundAsync("公车使用"));
    }
}
