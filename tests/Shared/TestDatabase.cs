using Ledger.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Ledger.Testing;

/// <summary>
/// The database a test host runs on. By default a SQLite file in the host's data directory. When
/// <c>LEDGER_TEST_POSTGRES</c> holds a PostgreSQL server's connection string (<c>.ci/run</c> starts one), each host
/// gets a database of its own, copied from a template migrated once per run: a copy takes milliseconds where
/// migrating takes seconds. When <c>LEDGER_TEST_SQLSERVER</c> holds a SQL Server connection string, each host gets a
/// new database migrated for it (slower; SQL Server has no template copy).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "LEDGER_TEST_POSTGRES";
    public const string SqlServerVariable = "LEDGER_TEST_SQLSERVER";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    private readonly string? _server;
    private readonly string? _name;

    private TestDatabase(DatabaseProvider provider, string? server, string? name, string? connectionString)
    {
        Provider = provider;
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The provider the suite runs on in this process, chosen by the environment.</summary>
    public static DatabaseProvider SuiteProvider =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? DatabaseProvider.PostgreSql
        : !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable)) ? DatabaseProvider.SqlServer
        : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>Null for SQLite, whose file lives in the host's data directory.</summary>
    public string? ConnectionString { get; }

    /// <summary>The settings that point a host at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Ledger:DatabaseProvider", Provider.ToString()),
        new("ConnectionStrings:Ledger", ConnectionString),
    ];

    /// <summary>A SQLite database whatever the suite's provider, for what only SQLite has.</summary>
    public static TestDatabase Sqlite() => new(DatabaseProvider.Sqlite, null, null, null);

    /// <summary>A fresh, migrated database on the suite's provider.</summary>
    public static TestDatabase Create()
    {
        var name = "ledger_test_" + Guid.NewGuid().ToString("N");
        switch (SuiteProvider)
        {
            case DatabaseProvider.PostgreSql:
                {
                    var server = Environment.GetEnvironmentVariable(PostgresVariable)!;
                    var template = Template(server);
                    Execute(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                    return new TestDatabase(DatabaseProvider.PostgreSql, server, name, On(server, name));
                }

            case DatabaseProvider.SqlServer:
                {
                    var server = Environment.GetEnvironmentVariable(SqlServerVariable)!;
                    var connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ToString();
                    using (var db = new SqlServerLedgerDbContext(new DbContextOptionsBuilder<SqlServerLedgerDbContext>().UseSqlServer(connectionString).Options))
                    {
                        db.Database.Migrate();
                    }

                    return new TestDatabase(DatabaseProvider.SqlServer, server, name, connectionString);
                }

            default:
                return new TestDatabase(DatabaseProvider.Sqlite, null, null, null);
        }
    }

    /// <summary>A context of its own on this database, outside any host; SQLite's is the file given.</summary>
    public LedgerDbContext Open(string sqliteFile) => Provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSqlLedgerDbContext(new DbContextOptionsBuilder<PostgreSqlLedgerDbContext>().UseNpgsql(ConnectionString).Options),
        DatabaseProvider.SqlServer => new SqlServerLedgerDbContext(new DbContextOptionsBuilder<SqlServerLedgerDbContext>().UseSqlServer(ConnectionString).Options),
        _ => new SqliteLedgerDbContext(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite($"Data Source={sqliteFile}").Options),
    };

    /// <summary>An empty PostgreSQL database on the suite's server, for a test that builds the schema itself.</summary>
    public static TestDatabase CreateEmpty()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = "ledger_test_" + Guid.NewGuid().ToString("N");
        Execute(server, $"CREATE DATABASE \"{name}\"");
        return new TestDatabase(DatabaseProvider.PostgreSql, server, name, On(server, name));
    }

    public void Dispose()
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                NpgsqlConnection.ClearAllPools();
                Execute(_server!, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
                break;
            case DatabaseProvider.SqlServer:
                SqlConnection.ClearAllPools();
                using (var connection = new SqlConnection(_server))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
#pragma warning disable DAP241 // A database's name cannot be a parameter; it is ours, made of a Guid.
                    command.CommandText = $"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]";
#pragma warning restore DAP241
                    command.ExecuteNonQuery();
                }

                break;
            default:
                SqliteConnection.ClearAllPools();
                break;
        }
    }

    /// <summary>
    /// The migrated template, named after the latest migration so that a changed model gets a new one. Test processes
    /// run side by side: a session-level advisory lock lets one of them build it while the others wait.
    /// </summary>
    private static string Template(string server)
    {
        if (_template is not null)
        {
            return _template;
        }

        TemplateLock.Wait();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            using var probe = new PostgreSqlLedgerDbContext(new DbContextOptionsBuilder<PostgreSqlLedgerDbContext>().UseNpgsql(server).Options);
            var latest = probe.Database.GetMigrations().Last();
            var template = "ledger_template_" + latest.ToLowerInvariant();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            Run(connection, "SELECT pg_advisory_lock(727274)");
            try
            {
                if (!Exists(connection, template))
                {
                    var building = template + "_building";
                    Run(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                    Run(connection, $"CREATE DATABASE \"{building}\"");
                    using (var db = new PostgreSqlLedgerDbContext(new DbContextOptionsBuilder<PostgreSqlLedgerDbContext>().UseNpgsql(On(server, building)).Options))
                    {
                        db.Database.Migrate();
                    }

                    NpgsqlConnection.ClearAllPools();
                    Run(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"");
                }
            }
            finally
            {
                Run(connection, "SELECT pg_advisory_unlock(727274)");
            }

            return _template = template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static string On(string server, string database) => new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

    private static bool Exists(NpgsqlConnection connection, string database)
    {
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        Run(connection, sql);
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A test that needs the suite's PostgreSQL server: skipped, and counted as skipped, without one.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.SuiteProvider != DatabaseProvider.PostgreSql)
        {
            Skip = $"Runs when {TestDatabase.PostgresVariable} names a PostgreSQL server (.ci/run starts one).";
        }
    }
}

/// <summary>A test of SQLite's own behaviour (its single writer's lock, its file): skipped when the suite runs on a server.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.SuiteProvider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite's own behaviour; the suite runs on a server database.";
        }
    }
}
