using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed class LedgerGridTests(BrowserHost host)
{
    private static readonly string[] ChineseStatuses = ["未启动", "整改中", "阶段性完成", "已完成", "销号申请中", "已销号"];

    [Fact]
    public async Task The_office_sees_the_whole_demo_ledger_in_Chinese_and_pages_through_it()
    {
        var page = await LedgerAsync("office");

        await Expect(Pager(page)).ToContainTextAsync($"共 {BrowserHost.DemoItems} 条");
        await Expect(Rows(page)).ToHaveCountAsync(20);
        Assert.All(await page.GetByTestId("status").AllInnerTextsAsync(), s => Assert.Contains(s, ChineseStatuses));
        await Expect(page.Locator("[data-light=red]").First).ToBeVisibleAsync();
        await Expect(page.GetByText("2025年1月", new PageGetByTextOptions { Exact = false }).First).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "ledger-1366x768");
        var firstPage = await Rows(page).First.InnerTextAsync();

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "下一页" }).ClickAsync();
        await Expect(Pager(page)).ToContainTextAsync("第 21–40 条");
        await Expect(page).ToHaveURLAsync(new Regex(@"/items\?page=2$"));
        Assert.NotEqual(firstPage, await Rows(page).First.InnerTextAsync());
    }

    [Fact]
    public async Task Sorting_by_a_column_is_kept_in_the_address_and_the_address_sorts()
    {
        var page = await LedgerAsync("office");

        await page.GetByRole(AriaRole.Columnheader, new PageGetByRoleOptions { Name = "整改状态" }).GetByText("整改状态").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/items\?sort=Status$"));
        await Expect(page.GetByTestId("status").First).ToHaveTextAsync("未启动");

        await page.GotoAsync("/items?sort=Deadline&overdue=true");
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-light]").First).ToHaveAttributeAsync("data-light", "red");
        Assert.All(await page.Locator("[data-light]").EvaluateAllAsync<string[]>("ls => ls.map(l => l.dataset.light)"), l => Assert.Equal("red", l));
        await Expect(page.GetByRole(AriaRole.Switch, new PageGetByRoleOptions { Name = "只看超期" })).ToBeCheckedAsync();
        await BrowserHost.ScreenshotAsync(page, "ledger-overdue");
    }

    [Fact]
    public async Task Filtering_by_status_and_keyword_narrows_the_rows_on_the_server_and_the_export_follows()
    {
        var api = host.CreateClient();
        var completed = await ListAsync(api, "status=Completed&pageSize=200");
        Assert.InRange(completed.TotalCount, 2, BrowserHost.DemoItems - 1);
        var keyword = completed.Items[0].Title[..2];
        var both = await ListAsync(api, $"status=Completed&keyword={Uri.EscapeDataString(keyword)}");
        Assert.InRange(both.TotalCount, 1, completed.TotalCount);
        var page = await LedgerAsync("office");

        await page.GetByTestId("filter-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "已完成" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "整改台账" }).ClickAsync();
        await Expect(Pager(page)).ToContainTextAsync($"共 {completed.TotalCount} 条");
        await Expect(page).ToHaveURLAsync(new Regex(@"/items\?status=Completed$"));
        Assert.All(await page.GetByTestId("status").AllInnerTextsAsync(), s => Assert.Equal("已完成", s));

        await page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "关键词" }).FillAsync(keyword);
        await page.Keyboard.PressAsync("Enter");
        await Expect(Pager(page)).ToContainTextAsync($"共 {both.TotalCount} 条");
        await Expect(page).ToHaveURLAsync(new Regex($@"status=Completed&keyword={Regex.Escape(Uri.EscapeDataString(keyword))}$"));
        await Expect(page.GetByTestId("export")).ToHaveAttributeAsync("href", $"/api/items/export?status=Completed&keyword={Uri.EscapeDataString(keyword)}");
        await BrowserHost.ScreenshotAsync(page, "ledger-filtered");
    }

    [Fact]
    public async Task A_view_the_server_refuses_says_why_in_Chinese_and_the_page_stays()
    {
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "office");

        await page.GotoAsync("/items?pageSize=500");
        await BrowserHost.WaitInteractiveAsync(page);

        await Expect(page.Locator(".mud-snackbar").First).ToContainTextAsync("每页条数");
        await Expect(page.GetByText("没有符合条件的事项。")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "台账", Exact = true }).ClickAsync();
        await Expect(Pager(page)).ToContainTextAsync($"共 {BrowserHost.DemoItems} 条");
    }

    [Fact]
    public async Task A_department_user_sees_only_their_departments_items()
    {
        var own = await ListAsync(await host.ApiAsAsync("liuyang"), "pageSize=1");
        Assert.InRange(own.TotalCount, 1, BrowserHost.DemoItems - 1);
        var page = await LedgerAsync("liuyang");

        await Expect(Pager(page)).ToContainTextAsync($"共 {own.TotalCount} 条");
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("刘洋");

        // A link naming every item of the ledger still shows only theirs: the server narrows, not the page.
        await page.GotoAsync("/items?pageSize=200");
        await Expect(Pager(page)).ToContainTextAsync($"共 {own.TotalCount} 条");
    }

    [Fact]
    public async Task On_a_phone_the_ledger_reads_as_one_card_per_item()
    {
        var page = await LedgerAsync("office", 390, 844);

        await Expect(Pager(page)).ToContainTextAsync($"共 {BrowserHost.DemoItems} 条");
        await BrowserHost.ScreenshotAsync(page, "ledger-phone");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px screen");

        // The filters fold behind 更多筛选, so the first item shows on the first screen; opened, they are all there.
        var firstRow = await Rows(page).First.BoundingBoxAsync();
        Assert.True(firstRow!.Y + 40 <= 844, $"the first row starts {firstRow.Y}px down a 844px screen");
        var department = page.GetByTestId("ledger-filters").Locator("label").Filter(new LocatorFilterOptions { HasText = "牵头部门" });
        await Expect(department).ToBeHiddenAsync();
        await page.GetByTestId("filters-toggle").ClickAsync();
        await Expect(department).ToBeVisibleAsync();
        await Expect(page.GetByTestId("filters-toggle")).ToHaveTextAsync("收起筛选");
    }

    /// <summary>Signs in (landing on the user's own first page) and opens the ledger.</summary>
    private async Task<IPage> LedgerAsync(string userName, int width = 1366, int height = 768)
    {
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(width, height), userName);
        await page.GotoAsync("/items");
        await BrowserHost.WaitInteractiveAsync(page);
        return page;
    }

    private static ILocator Pager(IPage page) => page.Locator(".mud-table-page-number-information");

    private static ILocator Rows(IPage page) => page.GetByTestId("ledger-grid").Locator("tbody tr");

    private static async Task<PagedResult<ItemListDto>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?{query}", LedgerApiFactory.Json))!;
}
