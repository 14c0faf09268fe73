using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Npgsql;

namespace Ledger.Infrastructure.Tests.Persistence;

public class MigrationTests
{
    private const string Regenerate = "db/add-migration <Name> adds a migration for every provider and regenerates the scripts in db/";

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer, DatabaseProvider.PostgreSql];

    public static TheoryData<DatabaseProvider, string> Scripts => new()
    {
        { DatabaseProvider.SqlServer, "db/ledger-sqlserver.sql" },
        { DatabaseProvider.PostgreSql, "db/ledger-postgresql.sql" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_providers_migrations_match_the_model(DatabaseProvider provider)
    {
        using var db = DesignTime(provider);
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration: {Regenerate} (README, 'Changing the model').");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_script_in_db_is_the_one_the_migrations_generate(DatabaseProvider provider, string path)
    {
        using var db = DesignTime(provider);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(RepositoryFiles.Path(path));

        Assert.True(Normalize(generated) == Normalize(committed), $"{path} is stale: {Regenerate}.");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_script_is_idempotent_every_migration_is_guarded(DatabaseProvider provider, string path)
    {
        var script = File.ReadAllText(RepositoryFiles.Path(path));
        using var db = DesignTime(provider);

        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains(provider == DatabaseProvider.SqlServer ? $"WHERE [MigrationId] = N'{migration}'" : $"WHERE \"MigrationId\" = '{migration}'", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_SQL_Server_script_is_valid_T_SQL()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(File.ReadAllText(RepositoryFiles.Path("db/ledger-sqlserver.sql")));

        var fragment = parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        var tables = new CreatedTables();
        fragment.Accept(tables);
        Assert.Contains("Items", tables.Names);
        Assert.Contains("AuditRecords", tables.Names);
    }

    /// <summary>
    /// What a database administrator does with db/ledger-postgresql.sql: run it on an empty database, and again on the
    /// same one (the next release's script starts with everything this one did). Needs the suite's PostgreSQL server.
    /// </summary>
    [PostgreSqlFact]
    public void The_PostgreSQL_script_builds_the_schema_and_runs_again_without_change()
    {
        var script = File.ReadAllText(RepositoryFiles.Path("db/ledger-postgresql.sql"));
        using var database = TestDatabase.CreateEmpty();
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();

        Run(connection, script);
        var tables = Tables(connection);
        Run(connection, script);

        Assert.Contains("Items", tables);
        Assert.Contains("DataProtectionKeys", tables);
        Assert.Equal(tables, Tables(connection));
        using var db = DesignTime(DatabaseProvider.PostgreSql);
        using var count = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
        Assert.Equal(db.Database.GetMigrations().Count(), Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static LedgerDbContext DesignTime(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerDesignTimeFactory().CreateDbContext([]),
        DatabaseProvider.PostgreSql => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
        _ => new SqliteDesignTimeFactory().CreateDbContext([]),
    };

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static List<string> Tables(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name", connection);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private sealed class CreatedTables : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(CreateTableStatement node) => Names.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');
}
