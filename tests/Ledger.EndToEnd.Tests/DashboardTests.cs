using System.Net.Http.Json;
using Ledger.Application.Dashboard;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed class DashboardTests(BrowserHost host)
{
    [Fact]
    public async Task A_leader_sees_the_dashboard_on_one_screen_and_a_figure_opens_its_ledger()
    {
        var expected = (await (await host.ApiAsAsync("liming")).GetFromJsonAsync<DashboardDto>("/api/dashboard", LedgerApiFactory.Json))!;
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "liming");

        await page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "主菜单" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "领导看板", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("as-of")).ToHaveTextAsync("截至2025年1月16日");
        await Expect(page.GetByTestId("card-total")).ToContainTextAsync(expected.Totals.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("overdue").Locator("tbody tr")).ToHaveCountAsync(expected.Overdue.Rows.Count);
        await Expect(page.Locator(".mud-chart svg")).ToHaveCountAsync(1);

        // Each lead department by its whole name, its red bar opening its overdue items.
        var planning = page.GetByTestId("department-row").Filter(new LocatorFilterOptions { HasText = "计划财务装备部" });
        await Expect(planning.Locator("td.department-name")).ToHaveTextAsync("计划财务装备部");
        await Expect(page.GetByTestId("department-figures-note")).ToContainTextAsync("按期完成率＝按期销号÷到期应完成");
        await Expect(page.GetByTestId("card-on-time-rate-note")).ToContainTextAsync("已完成未销号的不计入");
        await BrowserHost.ScreenshotAsync(page, "dashboard");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"the dashboard is {width}px wide on a 1366px screen");

        // The weeks' table under the trend, every figure a link (RectificationFlowTests follows one).
        await page.GetByTestId("trend").ScrollIntoViewIfNeededAsync();
        await BrowserHost.ScreenshotAsync(page, "dashboard-trend");
        await page.EvaluateAsync("window.scrollTo(0, 0)");

        await page.GetByTestId("card-overdue").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.Address, "/items?overdue=true&sort=Deadline").ToString());
        await Expect(page.GetByText($"共 {expected.Totals.Overdue} 条")).ToBeVisibleAsync();
    }
}
