using Ledger.Application.Items;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Organisation;
using Ledger.Domain.Rounds;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Application.Tests.Items;

/// <summary>60 items over three departments, a third open and past their deadline, some long-term, on 2025年1月16日.</summary>
public sealed class LedgerQueryPlanFixture : IAsyncLifetime, IAsyncDisposable
{
    private static readonly ChangeStamp Stamp = new("办公室", new DateTime(2024, 10, 8, 2, 0, 0, DateTimeKind.Utc));
    private static readonly DateOnly Today = new(2025, 1, 16);

    public LedgerQueryPlanFixture() =>
        App = new ApplicationHarness(s =>
        {
            s.ConfigureDbContext<SqliteLedgerDbContext>(o => o.AddInterceptors(Plans));
            s.ConfigureDbContext<PostgreSqlLedgerDbContext>(o => o.AddInterceptors(Plans));
        });

    public QueryPlans Plans { get; } = new();

    public ApplicationHarness App { get; }

    public Guid Department { get; private set; }

    public async Task InitializeAsync()
    {
        var departments = Enumerable.Range(1, 3).Select(n => Domain.Organisation.Department.Create($"第{n}部门", Stamp)).ToList();
        Department = departments[0].Id;
        var round = InspectionRound.Create(new RoundDetails("市委第三巡察组", "某区人民检察院党组", null, null, new DateOnly(2024, 10, 8), null), Stamp);
        var aspect = round.AddAspect("政治建设方面", null, Stamp);
        var items = Enumerable.Range(1, 60).Select(n =>
        {
            var item = RectificationItem.Create(round.Id, aspect.Id, ItemKind.Feedback, n, $"问题{n}", null, Stamp);
            var lead = departments[n % 3];
            item.Assign(new Assignment(null, new Assignee(lead.Id, lead.Name), [], null), n % 7 == 0 ? Deadline.LongTerm : Deadline.On(Today.AddDays((n % 20) - 10)), null, Stamp);
            if (n % 2 == 0)
            {
                item.Start(Stamp);
            }

            return item;
        }).ToList();
        await App.ReadAsync(async db =>
        {
            db.AddRange(departments);
            db.Add(round);
            db.AddRange(items);
            return await db.SaveChangesAsync();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The ledger's heavy lists — (a) a department's overdue items, (b) all overdue items, (c) a page of the open items, (d)
/// the overdue count — in every offered sort read their page by walking an index in order and count without sorting
/// (docs/adr/0016): the plans the database reports for the statements the handler sends say so.
/// </summary>
public sealed class LedgerQueryPlanTests(LedgerQueryPlanFixture fixture) : IClassFixture<LedgerQueryPlanFixture>
{
    public static TheoryData<string, ItemSort, bool> Cases()
    {
        var cases = new TheoryData<string, ItemSort, bool>();
        foreach (var list in new[] { "a", "b", "c", "d" })
        {
            foreach (var sort in Enum.GetValues<ItemSort>())
            {
                foreach (var descending in new[] { false, true })
                {
                    // Latest deadline first keeps undated items last, which no index order gives (docs/adr/0016).
                    if (!(list == "c" && sort == ItemSort.Deadline && descending))
                    {
                        cases.Add(list, sort, descending);
                    }
                }
            }
        }

        return cases;
    }


    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_heavy_list_reads_its_page_in_index_order_and_counts_without_sorting(string list, ItemSort sort, bool descending)
    {
        var open = new[] { ItemStatus.NotStarted, ItemStatus.InProgress, ItemStatus.PartiallyDone };
        var query = list switch
        {
            "a" => new ListItemsQuery { Overdue = true, LeadDepartmentId = fixture.Department },
            "b" => new ListItemsQuery { Overdue = true },
            "c" => new ListItemsQuery { Statuses = open, Page = 2, PageSize = 10 },
            _ => new ListItemsQuery { Overdue = true, PageSize = 1 },
        } with
        {
            Sort = sort,
            Descending = descending,
        };

        fixture.Plans.Clear();
        var page = await fixture.App.SendAsync(query);
        Assert.NotEmpty(page.Items);

        var (count, ids) = (fixture.Plans.Queries.Single(q => q.Sql.StartsWith("SELECT COUNT(*)", StringComparison.OrdinalIgnoreCase)), fixture.Plans.Queries.Single(IsPageOfIds));
        var plans = await fixture.App.ReadAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            if (!db.Database.IsSqlite())
            {
                // On a few dozen rows PostgreSQL rightly prefers reading the table; what is pinned is that an index can serve.
                await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_bitmapscan = off;");
            }

            return (Count: await QueryPlans.ExplainAsync(connection, count), Page: await QueryPlans.ExplainAsync(connection, ids));
        });

        Assert.DoesNotContain(plans.Count.Concat(plans.Page), line => line.Contains("TEMP B-TREE", StringComparison.Ordinal) || line.TrimStart(' ', '-', '>').StartsWith("Sort", StringComparison.Ordinal));
        Assert.Contains(plans.Page, line => line.Contains("IX_Items_Open_", StringComparison.Ordinal));
    }

    /// <summary>
    /// The all-rounds dashboard reads today's figures, its warnings and its weeks from indexes: no statement reads every
    /// item's row (with its texts) or every history entry, which is what made it grow with the ledger (issue #21).
    /// </summary>
    [Fact]
    public async Task The_dashboard_reads_no_table_whole()
    {
        fixture.Plans.Clear();
        await fixture.App.SendAsync(new Dashboard.GetDashboardQuery());
        var reads = fixture.Plans.Queries.Where(q => q.Sql.Contains("FROM \"Items\"", StringComparison.Ordinal)).ToList();
        Assert.Contains(reads, q => q.Sql.Contains("\"ItemHistory\"", StringComparison.Ordinal));

        var plans = await fixture.App.ReadAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            if (!db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off;");
            }

            var explained = new List<(string Sql, IReadOnlyList<string> Plan)>();
            foreach (var read in reads)
            {
                explained.Add((read.Sql, await QueryPlans.ExplainAsync(connection, read)));
            }

            return explained;
        });

        // SQLite says "SCAN i" for the items (h the history, m the measures) read row by row, "SCAN i USING ... INDEX" for
        // an index read; PostgreSQL, with sequential scans priced out, still says "Seq Scan on" when no index can serve.
        Assert.All(plans, p => Assert.DoesNotContain(p.Plan, line =>
            System.Text.RegularExpressions.Regex.IsMatch(line, @"SCAN [ihm]\d*$") || line.Contains("Seq Scan on", StringComparison.Ordinal)));
    }

    /// <summary>The statement that picks the page: the ids alone, from the items, in the list's order.</summary>
    private static bool IsPageOfIds(CapturedQuery query) =>
        System.Text.RegularExpressions.Regex.IsMatch(query.Sql, "^SELECT \"?i\"?\\.\"Id\"\\s+FROM \"Items\"") && query.Sql.Contains("ORDER BY", StringComparison.Ordinal);
}
