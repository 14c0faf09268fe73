using Ledger.Application.Items;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ledger.Infrastructure.Tests.Persistence;

/// <summary>
/// SQL Server cannot run here: the keyword query it would be sent is generated and parsed instead, so a translation that
/// SQL Server would refuse fails here (docs/adr/0017).
/// </summary>
public sealed class SqlServerKeywordSearchTests
{
    [Fact]
    public void The_SQL_Server_keyword_query_is_valid_T_SQL_escaping_every_LIKE_wildcard()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var sql = db.Items.Matching(db.ItemSearchEntries, "100%_[甲] oa").Select(i => i.Id).ToQueryString();

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.Equal(
            2,
            System.Text.RegularExpressions.Regex.Count(
                sql, @"LIKE N'%' \+ replace\(replace\(replace\(replace\(@\w+, N'\\', N'\\\\'\), N'%', N'\\%'\), N'_', N'\\_'\), N'\[', N'\\\['\) \+ N'%' ESCAPE N'\\'"));
    }
}
