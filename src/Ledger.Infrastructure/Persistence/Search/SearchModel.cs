using System.Linq.Expressions;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ledger.Infrastructure.Persistence.Search;

/// <summary>
/// How each database answers <see cref="ItemSearch.Contains"/> over <see cref="ItemSearchEntry"/> (docs/adr/0017): SQLite
/// with a MATCH of the word as one quoted phrase in its trigram FTS5 table (<see cref="SqliteFullTextIndex"/>), PostgreSQL
/// and SQL Server with LIKE over the folded column, every wildcard of the word escaped, which PostgreSQL's pg_trgm GIN
/// index serves.
/// </summary>
internal static class SearchModel
{
    private static readonly System.Reflection.MethodInfo ContainsMethod = typeof(ItemSearch).GetMethod(nameof(ItemSearch.Contains))!;

    public static void Sqlite(ModelBuilder builder, IRelationalTypeMappingSource mappings)
    {
        builder.Entity<ItemSearchEntry>().HasNoKey().ToTable((string?)null).ToSqlQuery(
            $"SELECT k.\"ItemId\", f.\"Document\" FROM \"{SqliteFullTextIndex.Index}\" AS f JOIN \"{SqliteFullTextIndex.Keys}\" AS k ON k.\"RowId\" = f.rowid");

        // match(pattern, column) is SQLite's own spelling of "column MATCH pattern", and the planner hands it to FTS5 alike.
        // Inside double quotes every character but the quote itself is text, so no operator a user types is obeyed.
        var text = mappings.FindMapping(typeof(string))!;
        var flag = mappings.FindMapping(typeof(bool))!;
        builder.HasDbFunction(ContainsMethod).HasTranslation(args =>
        {
            var quote = Constant("\"", text);
            var phrase = Concat(Concat(quote, Function("replace", [args[1], quote, Constant("\"\"", text)], text), text), quote, text);
            return Function("match", [phrase, args[0]], flag);
        });
    }

    public static void PostgreSql(ModelBuilder builder, IRelationalTypeMappingSource mappings)
    {
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<RectificationItem>().HasIndex(ItemSearch.Column).HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasDatabaseName("IX_Items_SearchDocument_Trigram");
        Like(builder, mappings, ["\\", "%", "_"]);
    }

    /// <summary>SQL Server's LIKE also reads brackets as a set of characters.</summary>
    public static void SqlServer(ModelBuilder builder, IRelationalTypeMappingSource mappings) => Like(builder, mappings, ["\\", "%", "_", "["]);

    private static void Like(ModelBuilder builder, IRelationalTypeMappingSource mappings, string[] wildcards)
    {
        builder.Entity<ItemSearchEntry>().HasNoKey().ToTable((string?)null).ToSqlQuery($"SELECT \"Id\" AS \"ItemId\", \"{ItemSearch.Column}\" AS \"Document\" FROM \"Items\"");
        var text = mappings.FindMapping(typeof(string))!;
        var flag = mappings.FindMapping(typeof(bool))!;
        builder.HasDbFunction(ContainsMethod).HasTranslation(args =>
        {
            // The escape character first, so the escapes added for the others are not doubled.
            var word = args[1];
            foreach (var wildcard in wildcards)
            {
                word = Function("replace", [word, Constant(wildcard, text), Constant("\\" + wildcard, text)], text);
            }

            var any = Constant("%", text);
            return new LikeExpression(args[0], Concat(Concat(any, word, text), any, text), Constant("\\", text), flag);
        });
    }

    private static SqlConstantExpression Constant(string value, RelationalTypeMapping mapping) => new(value, typeof(string), mapping);

    private static SqlFunctionExpression Function(string name, SqlExpression[] arguments, RelationalTypeMapping mapping) =>
        new(name, arguments, nullable: true, argumentsPropagateNullability: arguments.Select(_ => true), mapping.ClrType, mapping);

    private static SqlBinaryExpression Concat(SqlExpression left, SqlExpression right, RelationalTypeMapping mapping) =>
        new(ExpressionType.Add, left, right, typeof(string), mapping);
}
