using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// Failures that say the database cannot answer now (down, restarting, out of connections, or SQLite's writer busy
/// past its wait) rather than that the request is wrong: the user is told to retry, and nothing was written.
/// </summary>
public static class DatabaseFailures
{
    // SQLITE_BUSY and SQLITE_LOCKED.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e switch
            {
                RetryLimitExceededException => true,
                SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
                PostgresException postgres => IsPostgresUnavailable(postgres.SqlState),
                NpgsqlException npgsql => npgsql.IsTransient,
                SqlException sqlServer => sqlServer.Number is -2 or 53 or 233 or 4060 or 10053 or 10054 or 10060 or 40613 or 1205,
                SocketException or TimeoutException => true,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }

    // Class 08 (connection exceptions), 57P01–57P03 (shut down, crashed, starting up), 53300 (too many connections).
    private static bool IsPostgresUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";
}
