using Ledger.Application.Common;

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
public sealed class LedgerOptions : ICheckedSettings
{
    public const string Section = "Ledger";

    /// <summary>Where the SQLite database and the evidence files (<c>evidence/</c>) live; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (on by default; production may run db/ledger-sqlserver.sql instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>On an empty database, load the demo organisation and the seed reports (Development turns it on).</summary>
    public bool DemoData { get; set; }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return $"{Section}:DataDirectory 未设置：值为空白。删去此项即使用内容根目录下的 data 文件夹。";
        }

        if (!Enum.IsDefined(DatabaseProvider))
        {
            yield return $"{Section}:DatabaseProvider 的值“{DatabaseProvider}”无法识别，可选：{string.Join("、", Enum.GetNames<DatabaseProvider>())}。";
        }
    }
}
