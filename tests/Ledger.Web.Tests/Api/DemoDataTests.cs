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

        var page = await _client.GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?pageSize=200", LedgerApiFactory.Json);
        Assert.All(page!.Items, i => Assert.NotNull(i.LeadDepartmentName));
        var detail = await _client.GetFromJsonAsync<ItemDetailDto>($"/api/items/{page.Items[0].Id}", LedgerApiFactory.Json);
        Assert.All(detail!.History, h => Assert.Equal("演示数据", h.Actor));
    }

    [Fact]
    public async Task A_restart_does_not_load_the_demo_again()
    {
        await DemoData.SeedAsync(factory.Services);

        Assert.Equal(3, (await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!.Count);
    }
}
