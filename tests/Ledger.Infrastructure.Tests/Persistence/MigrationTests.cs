using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ledger.Infrastructure.Tests.Persistence;

public class MigrationTests
{
    private const string ScriptPath = "db/ledger-sqlserver.sql";

    private const string Regenerate =
        "dotnet ef migrations script --idempotent --project src/Ledger.Infrastructure --startup-project src/Ledger.Infrastructure " +
        "--context SqlServerLedgerDbContext --output db/ledger-sqlserver.sql";

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration (see README, 'Changing the model').");
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration (see README, 'Changing the model').");
    }

    [Fact]
    public void The_SQL_Server_script_in_db_is_the_one_the_migrations_generate()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(RepositoryFiles.Path(ScriptPath));

        Assert.True(Normalize(generated) == Normalize(committed), $"{ScriptPath} is stale; regenerate it with: {Regenerate}");
    }

    [Fact]
    public void The_SQL_Server_script_is_valid_T_SQL()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(File.ReadAllText(RepositoryFiles.Path(ScriptPath)));

        var fragment = parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        var tables = new CreatedTables();
        fragment.Accept(tables);
        Assert.Contains("Items", tables.Names);
        Assert.Contains("AuditRecords", tables.Names);
    }

    [Fact]
    public void The_script_is_idempotent_every_migration_is_guarded()
    {
        var script = File.ReadAllText(RepositoryFiles.Path(ScriptPath));
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }
    }

    private sealed class CreatedTables : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(CreateTableStatement node) => Names.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');
}
