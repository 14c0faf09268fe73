using Ledger.Application.Items;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Rounds;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Application.Tests.Items;

/// <summary>
/// A keyword is looked up in the full-text index — SQLite's FTS5 table, PostgreSQL's pg_trgm GIN index — never by reading
/// every item: words of three characters or more as themselves, shorter ones through the document's line of pairs and
/// single characters (docs/adr/0017).
/// </summary>
public sealed class KeywordSearchPlanTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly ChangeStamp Stamp = new("办公室", new DateTime(2024, 10, 8, 2, 0, 0, DateTimeKind.Utc));
    private readonly QueryPlans _plans = new();
    private readonly ApplicationHarness _app;

    public KeywordSearchPlanTests() =>
        _app = new ApplicationHarness(s =>
        {
            s.ConfigureDbContext<SqliteLedgerDbContext>(o => o.AddInterceptors(_plans));
            s.ConfigureDbContext<PostgreSqlLedgerDbContext>(o => o.AddInterceptors(_plans));
        });

    public async Task InitializeAsync()
    {
        var round = InspectionRound.Create(new RoundDetails("市委第三巡察组", "某区人民检察院党组", null, null, new DateOnly(2024, 10, 8), null), Stamp);
        var aspect = round.AddAspect("政治建设方面", null, Stamp);
        var items = Enumerable.Range(1, 200).Select(n =>
        {
            var item = RectificationItem.Create(round.Id, aspect.Id, ItemKind.Feedback, n, $"问题{n}", n % 50 == 0 ? "档案管理混乱" : "学习不够深入", Stamp);
            item.AddMeasure(n % 40 == 0 ? "规范公车使用登记" : "组织专题学习", null, null, Stamp);
            return item;
        }).ToList();
        await _app.ReadAsync(async db =>
        {
            db.Add(round);
            db.AddRange(items);
            return await db.SaveChangesAsync();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("档案管理", 4)]
    [InlineData("公车使用", 5)]
    [InlineData("档案", 4)]
    [InlineData("公车", 5)]
    [InlineData("车", 5)]
    [InlineData("ｑ", 0)]
    public async Task A_keyword_of_any_length_is_looked_up_in_the_full_text_index(string keyword, int found)
    {
        var (page, plans) = await SearchAsync(new ListItemsQuery { Keyword = keyword });

        Assert.Equal(found, page.TotalCount);
        Assert.All(plans, plan =>
        {
            Assert.Contains(plan, line => line.Contains("VIRTUAL TABLE INDEX 0:M", StringComparison.Ordinal)
                || line.Contains("IX_Items_SearchDocument_Trigram", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.Contains("SCAN i", StringComparison.Ordinal) && !line.Contains("USING", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task A_keyword_with_overdue_sorted_by_deadline_reads_an_index_not_every_item()
    {
        var (_, plans) = await SearchAsync(new ListItemsQuery { Keyword = "档案管理", Overdue = true, Sort = ItemSort.Deadline });

        // Whichever is the fewer rows leads — the keyword's matches or the open overdue items — and the other is a probe.
        Assert.All(plans, plan =>
        {
            Assert.Contains(plan, line => line.Contains("VIRTUAL TABLE INDEX 0:M", StringComparison.Ordinal)
                || line.Contains("IX_Items_SearchDocument_Trigram", StringComparison.Ordinal) || line.Contains("IX_Items_Open_", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => (line.Contains("SCAN i", StringComparison.Ordinal) && !line.Contains("USING", StringComparison.Ordinal))
                || line.Contains("Seq Scan on \"Items\"", StringComparison.Ordinal));
        });
    }

    /// <summary>The page, and the plans of its count and of its page of ids.</summary>
    private async Task<(Common.PagedResult<ItemListDto> Page, IReadOnlyList<IReadOnlyList<string>> Plans)> SearchAsync(ListItemsQuery query)
    {
        _plans.Clear();
        var page = await _app.SendAsync(query);
        var statements = _plans.Queries.Where(q => q.Sql.StartsWith("SELECT COUNT(*)", StringComparison.OrdinalIgnoreCase)
            || System.Text.RegularExpressions.Regex.IsMatch(q.Sql, "^SELECT \"?i\"?\\.\"Id\"\\s+FROM \"Items\"")).ToList();
        Assert.Equal(2, statements.Count);
        var plans = await _app.ReadAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            if (!db.Database.IsSqlite())
            {
                // On a few hundred rows PostgreSQL rightly prefers reading the table; what is pinned is that the index can serve,
                // with the statistics Ledger keeps (docs/adr/0016).
                await db.Database.ExecuteSqlRawAsync("ANALYZE \"Items\"; SET enable_seqscan = off; SET enable_indexscan = off;");
            }

            var explained = new List<IReadOnlyList<string>>();
            foreach (var statement in statements)
            {
                explained.Add(await QueryPlans.ExplainAsync(connection, statement));
            }

            return explained;
        });
        return (page, plans);
    }
}
