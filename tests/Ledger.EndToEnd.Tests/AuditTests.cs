using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed class AuditTests(BrowserHost host)
{
    [Fact]
    public async Task A_supervisor_goes_from_an_item_to_its_audit_records_and_reads_what_each_step_changed()
    {
        var office = await host.ApiAsAsync("office");
        var item = (await office.GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?status=NotStarted&pageSize=1&sort=Number&descending=true", LedgerApiFactory.Json))!.Items[0];
        (await office.PostJsonAsync($"/api/items/{item.Id}/start", new { version = item.Version })).EnsureSuccessStatusCode();

        var page = await ItemPage.OpenAsync(host, "jijian", item.Id);
        await Expect(page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "主菜单" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "审计记录" })).ToBeVisibleAsync();
        await page.GetByTestId("item-audit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.Address, $"/audit?entityId={item.Id}").ToString());
        var started = page.GetByTestId("audit-record").Filter(new LocatorFilterOptions { HasText = "启动整改" });
        await Expect(started).ToHaveCountAsync(1);
        await started.Locator("summary").ClickAsync();
        await Expect(started).ToContainTextAsync("整改状态：未启动 → 整改中");
        await Expect(started).ToContainTextAsync("新增事项记录");
        await BrowserHost.ScreenshotAsync(page, "audit");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"the audit page is {width}px wide on a 1366px screen");
    }
}
