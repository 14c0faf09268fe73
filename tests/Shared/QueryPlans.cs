using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ledger.Testing;

/// <summary>A query EF sent, with its parameters, so its plan can be asked for afterwards.</summary>
public sealed record CapturedQuery(string Sql, IReadOnlyList<KeyValuePair<string, object?>> Parameters);

/// <summary>
/// Records every query a context sends (add it with <c>AddInterceptors</c>) and asks the database how it runs one:
/// SQLite's <c>EXPLAIN QUERY PLAN</c>, PostgreSQL's <c>EXPLAIN</c>, one line per step.
/// </summary>
public sealed class QueryPlans : DbCommandInterceptor
{
    private readonly List<CapturedQuery> _queries = [];

    public IReadOnlyList<CapturedQuery> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    public void Clear()
    {
        lock (_queries)
        {
            _queries.Clear();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public static async Task<IReadOnlyList<string>> ExplainAsync(DbConnection connection, CapturedQuery query)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var sqlite = connection is SqliteConnection;
        await using var explain = connection.CreateCommand();
        explain.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + query.Sql;
        foreach (var (name, value) in query.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(sqlite ? 3 : 0));
        }

        return lines;
    }

    private void Record(DbCommand command)
    {
        var captured = new CapturedQuery(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => KeyValuePair.Create(p.ParameterName, (object?)p.Value))]);
        lock (_queries)
        {
            _queries.Add(captured);
        }
    }
}
