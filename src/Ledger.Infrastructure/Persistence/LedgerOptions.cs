namespace Ledger.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>
/// Configuration section <c>Ledger</c>. Defaults make a fresh clone run with nothing set:
/// SQLite in <c>./data/ledger.db</c> under the content root.
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>Where the SQLite database and the evidence files (<c>evidence/</c>) live; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (on by default; production may run db/ledger-sqlserver.sql instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>On an empty database, load the demo organisation and the seed reports (Development turns it on).</summary>
    public bool DemoData { get; set; }
}
