using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using Microsoft.AspNetCore.Hosting;

namespace Ledger.Web.Tests.Api;

public sealed class DemoDataFactory : LedgerApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:DemoData", "true");
    }
}

public sealed class DemoDataTests(DemoDataFactory factory) : IClassFixture<DemoDataFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> CountAsync(string query) =>
        (await _client.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?pageSize=1&{query}", LedgerApiFactory.Json))!.TotalCount;

    [Fact]
    public async Task An_empty_database_starts_with_the_three_seed_rounds_in_every_state()
    {
        var rounds = await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json);

        Assert.Equal([19, 19, 40], rounds!.Select(r => r.ItemCount).Order());
        Assert.Equal(78, await CountAsync(string.Empty));
        Assert.True(await CountAsync("overdue=true") > 0, "no overdue item");
        Assert.True(await CountAsync("dueWithinDays=7") > 0, "no item due within a week");
        foreach (var status in new[] { "NotStarted", "InProgress", "PartiallyDone", "Completed" })
        {
            Assert.True(await CountAsync($"status={status}") > 0, $"no item {status}");
        }

        // Five open items of the last round wait for the office's 分工; every other item is handed out.
        var page = await _client.GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?pageSize=200", LedgerApiFactory.Json);
        var unassigned = page!.Items.Where(i => i.LeadDepartmentName is null).ToList();
        Assert.Equal(5, unassigned.Count);
        Assert.All(unassigned, i => Assert.True(i.Status < Domain.Items.ItemLifecycle.FirstSettled));
        var detail = await _client.GetFromJsonAsync<ItemDetailDto>($"/api/items/{page.Items[0].Id}", LedgerApiFactory.Json);
        Assert.All(detail!.History, h => Assert.Equal("演示数据", h.Actor));
    }

    [Fact]
    public async Task The_demo_names_the_unit_the_reports_are_about_and_never_the_spam_site_written_over_it()
    {
        var rounds = await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json);

        Assert.Contains(rounds!, r => r.InspectedUnit == "长沙市人民检察院党组");
        Assert.DoesNotContain(rounds!, r => r.InspectedUnit.Contains("腾博会", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync("keyword=腾博会"));
        var round = rounds!.Single(r => r.InspectedUnit == "长沙市人民检察院党组");
        var items = await _client.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={round.Id}&pageSize=200", LedgerApiFactory.Json);
        var measures = new List<string>();
        foreach (var item in items!.Items)
        {
            measures.AddRange((await _client.GetFromJsonAsync<ItemDetailDto>($"/api/items/{item.Id}", LedgerApiFactory.Json))!.Measures.Select(m => m.Text));
        }

        Assert.DoesNotContain(measures, m => m.Contains("腾博会", StringComparison.Ordinal));
        Assert.True(measures.Count(m => m.Contains("长沙市人民检察院", StringComparison.Ordinal)) >= 8, "the measures that named the spam site do not name the unit");
    }

    [Fact]
    public async Task The_demo_happened_over_months_so_the_trend_and_past_figures_move()
    {
        var dashboard = await _client.GetFromJsonAsync<Application.Dashboard.DashboardDto>("/api/dashboard", LedgerApiFactory.Json);

        Assert.True(dashboard!.Trend.Count(w => w.ClosedOut > 0) >= 5, "closed out in fewer than five of the twelve weeks");
        Assert.True(dashboard.Trend[0].Open > dashboard.Trend[^1].Open, "the open items did not go down");
        Assert.True(dashboard.MovedOutOfOverdue > 0, "no item left 超期 by a moved deadline");
        async Task<int> ClosedOutAsync(string asOf)
        {
            var total = 0;
            foreach (var round in (await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!)
            {
                var figures = await _client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/rounds/{round.Id}/figures?asOf={asOf}", LedgerApiFactory.Json);
                total += figures.GetProperty("all").GetProperty("closedOut").GetInt32();
            }

            return total;
        }

        // The README's examples ask for the figures as of 2025-01-16: the demo's closures came in the weeks before.
        Assert.Equal(0, await ClosedOutAsync("2024-10-01"));
        Assert.True(await ClosedOutAsync("2025-01-16") > 5);
        var audit = await factory.ClientFor(Application.Common.Security.Roles.Supervisor).GetFromJsonAsync<PagedResult<Application.Auditing.AuditRecordDto>>(
            "/api/audit?action=AcknowledgeItem&pageSize=1", LedgerApiFactory.Json);
        Assert.True(audit!.Items.Single().At < new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Every_leader_who_answers_for_items_can_sign_in_to_approve_them()
    {
        var page = await _client.GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?pageSize=200", LedgerApiFactory.Json);
        var leaders = page!.Items.Select(i => i.ResponsibleLeaderName).OfType<string>().Distinct().Order().ToList();

        Assert.Equal(["张华", "李明", "王强", "黄丽"], leaders.Order(StringComparer.Ordinal));
        foreach (var userName in new[] { "liming", "zhanghua", "wangqiang", "huangli" })
        {
            using var login = await factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password = AccountSeed.DemoPassword });
            Assert.True(login.IsSuccessStatusCode, userName);
        }
    }

    [Fact]
    public async Task A_restart_does_not_load_the_demo_again()
    {
        await DemoData.SeedAsync(factory.Services);

        Assert.Equal(3, (await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!.Count);
    }
}
