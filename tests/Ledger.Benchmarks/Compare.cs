using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Application.Items;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Benchmarks;

/// <summary>
/// <c>compare &lt;base-url&gt; &lt;data-directory&gt; [runs]</c>: the heavy requests of issue 21 against a running host on a
/// ledger made by <c>seed</c>, each once to warm up and then <c>runs</c> times (10 by default), as one table of medians
/// and p95; then the SQL plan of each list query, read by sending the same request through the pipeline in this process
/// on the host's SQLite file (<c>data-directory/ledger.db</c>) and asking SQLite to EXPLAIN QUERY PLAN each statement.
/// </summary>
internal static class Compare
{
    public const string Verb = "compare";

    private const string Open = "status=NotStarted&status=InProgress&status=PartiallyDone";

    /// <summary>Four characters (trigram search serves it) that one item title in twelve holds.</summary>
    private const string Keyword = "档案管理";

    /// <summary>Two characters, as most Chinese searches are (党建, 公车, 考勤): shorter than a trigram.</summary>
    private const string ShortKeyword = "档案";

    public static async Task RunAsync(Uri baseUrl, string dataDirectory, int runs)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = "office", password = LoadData.OfficePassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var department = (await http.GetFromJsonAsync<JsonElement>("/api/departments"))[0].GetProperty("id").GetGuid();
        var round = (await http.GetFromJsonAsync<JsonElement>("/api/rounds"))[0].GetProperty("id").GetGuid();

        var cases = new (string Label, string Url, ListItemsQuery? Plan)[]
        {
            ("(a) overdue, one department, by deadline", $"/api/items?overdue=true&leadDepartmentId={department}&sort=Deadline&pageSize=50",
                new ListItemsQuery { Overdue = true, LeadDepartmentId = department, Sort = ItemSort.Deadline }),
            ("(b) overdue, all departments, by deadline", "/api/items?overdue=true&sort=Deadline&pageSize=50",
                new ListItemsQuery { Overdue = true, Sort = ItemSort.Deadline }),
            ("(c) open items, page 2001 of 50", $"/api/items?{Open}&page=2001&pageSize=50",
                new ListItemsQuery { Statuses = [Domain.Items.ItemStatus.NotStarted, Domain.Items.ItemStatus.InProgress, Domain.Items.ItemStatus.PartiallyDone], Page = 2001 }),
            ("(d) count of overdue (page of one)", "/api/items?overdue=true&pageSize=1", new ListItemsQuery { Overdue = true, PageSize = 1 }),
            ("dashboard, all rounds", "/api/dashboard", null),
            ("dashboard, one round", $"/api/dashboard?roundId={round}", null),
            ("export, one department", $"/api/items/export?leadDepartmentId={department}", null),
            ("keyword", $"/api/items?keyword={Uri.EscapeDataString(Keyword)}", new ListItemsQuery { Keyword = Keyword }),
            ("2-character keyword", $"/api/items?keyword={Uri.EscapeDataString(ShortKeyword)}", new ListItemsQuery { Keyword = ShortKeyword }),
            ("keyword + overdue, by deadline", $"/api/items?keyword={Uri.EscapeDataString(Keyword)}&overdue=true&sort=Deadline",
                new ListItemsQuery { Keyword = Keyword, Overdue = true, Sort = ItemSort.Deadline }),
        };

        Console.WriteLine($"| {baseUrl} | median ms | p95 ms | bytes |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (label, url, _) in cases)
        {
            var times = new List<double>(runs);
            long size = 0;
            for (var run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                size = (await response.Content.ReadAsByteArrayAsync()).LongLength;
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var p95 = times[Math.Max(0, (int)Math.Ceiling(times.Count * 0.95) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {times[times.Count / 2]:F1} | {p95:F1} | {size:N0} |"));
        }

        var plans = new QueryPlans();
        await using var services = BenchmarkPipeline.Build(dataDirectory, s => s.ConfigureDbContext<SqliteLedgerDbContext>(o => o.AddInterceptors(plans)));
        foreach (var (label, _, plan) in cases)
        {
            if (plan is null)
            {
                continue;
            }

            plans.Clear();
            using (var scope = services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(plan);
            }

            Console.WriteLine();
            Console.WriteLine($"## {label}");
            using var scopeForPlans = services.CreateScope();
            var connection = scopeForPlans.ServiceProvider.GetRequiredService<LedgerDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var query in plans.Queries.Where(q => q.Sql.Contains("\"Items\"", StringComparison.Ordinal)))
            {
                Console.WriteLine(query.Sql.Split('\n')[0].Trim() + " …");
                foreach (var line in await QueryPlans.ExplainAsync(connection, query))
                {
                    Console.WriteLine("  " + line);
                }
            }
        }
    }
}
