using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ledger.Infrastructure.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: builds each provider's context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLedgerDbContext>
{
    public SqliteLedgerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerLedgerDbContext>
{
    public SqlServerLedgerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerLedgerDbContext>().UseSqlServer("Server=localhost;Database=Ledger;Trusted_Connection=True").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlLedgerDbContext>
{
    public PostgreSqlLedgerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlLedgerDbContext>().UseNpgsql("Host=localhost;Database=ledger").Options);
}
