using Ledger.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ledger.Infrastructure.Tests.Persistence;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-init-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_start_on_a_database_the_DBA_has_not_migrated_stops_saying_which_script_to_run()
    {
        await using var db = new SqliteLedgerDbContext(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "ledger.db")}").Options);
        Directory.CreateDirectory(_folder);
        var initializer = new DatabaseInitializer(db, new LedgerOptions { DataDirectory = _folder, MigrateOnStartup = false }, NullLogger<DatabaseInitializer>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync());

        Assert.Contains("db/ledger-postgresql.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("Initial", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
