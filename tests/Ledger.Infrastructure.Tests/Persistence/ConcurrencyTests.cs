using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reports;
using Ledger.Domain.Rounds;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Tests.Persistence;

/// <summary>Two writers on one record, on the suite's provider: the second is refused, never written over the first.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private static readonly ChangeStamp Stamp = new("tester", new DateTime(2025, 1, 16, 2, 0, 0, DateTimeKind.Utc));
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.db");
    private readonly TestDatabase _database = TestDatabase.Create();

    [Fact]
    public void SqlServer_items_carry_a_rowversion_as_well_as_the_version_token()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var items = db.Model.FindEntityType(typeof(RectificationItem))!;

        var rowVersion = items.FindProperty(SqlServerLedgerDbContext.RowVersion);
        Assert.NotNull(rowVersion);
        Assert.True(rowVersion.IsConcurrencyToken);
        Assert.Equal("rowversion", rowVersion.GetColumnType());
        Assert.True(items.FindProperty(nameof(RectificationItem.Version))!.IsConcurrencyToken);
    }

    [Fact]
    public void Sqlite_items_use_the_version_as_concurrency_token()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var items = db.Model.FindEntityType(typeof(RectificationItem))!;

        Assert.Null(items.FindProperty(SqlServerLedgerDbContext.RowVersion));
        Assert.True(items.FindProperty(nameof(RectificationItem.Version))!.IsConcurrencyToken);
    }

    [Fact]
    public async Task A_write_racing_in_between_load_and_save_fails_instead_of_overwriting()
    {
        Guid id;
        await using (var setup = Open())
        {
            await setup.Database.MigrateAsync();
            var round = InspectionRound.Create(new RoundDetails("市委第三巡察组", "某院党组", null, null, null, null), Stamp);
            var aspect = round.AddAspect("政治建设方面", null, Stamp);
            var item = RectificationItem.Create(round.Id, aspect.Id, ItemKind.Feedback, 1, "问题", null, Stamp);
            setup.AddRange(round, item);
            await setup.SaveChangesAsync();
            id = item.Id;
        }

        await using var first = Open();
        await using var second = Open();
        var mine = await first.Items.SingleAsync(i => i.Id == id);
        var theirs = await second.Items.SingleAsync(i => i.Id == id);
        mine.Edit(mine.AspectId, "甲的标题", null, Stamp);
        theirs.Edit(theirs.AspectId, "乙的标题", null, Stamp);

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = Open();
        Assert.Equal("甲的标题", (await check.Items.SingleAsync(i => i.Id == id)).Title);
    }

    [Fact]
    public async Task Two_writers_creating_the_same_record_conflict_instead_of_failing()
    {
        var round = InspectionRound.Create(new RoundDetails("市委第三巡察组", "某院党组", null, null, null, null), Stamp);
        await using (var setup = Open())
        {
            await setup.Database.MigrateAsync();
            setup.Add(round);
            await setup.SaveChangesAsync();
        }

        // Both read "no draft yet" for the round and create one; the second save finds the round's draft taken.
        await using var first = Open();
        await using var second = Open();
        first.Reports.Add(RectificationReport.Create(round.Id, Stamp));
        second.Reports.Add(RectificationReport.Create(round.Id, Stamp));

        await first.SaveChangesAsync();
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.IsAssignableFrom<System.Data.Common.DbException>(conflict.InnerException?.InnerException);

        await using var check = Open();
        Assert.Equal(1, await check.Reports.CountAsync(r => r.RoundId == round.Id));
    }

    public void Dispose()
    {
        _database.Dispose();
        File.Delete(_file);
    }

    /// <summary>On the suite's provider: a SQLite file, or the PostgreSQL or SQL Server database the environment names.</summary>
    private LedgerDbContext Open() => _database.Open(_file);
}
