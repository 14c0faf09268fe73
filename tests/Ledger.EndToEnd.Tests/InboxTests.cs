using System.Net.Http.Json;
using Ledger.Application.Notifications;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed class InboxTests(BrowserHost host)
{
    [Fact]
    public async Task The_badge_counts_unread_reminders_and_marking_them_read_counts_down()
    {
        var api = await host.ApiAsAsync("zhoumin");
        var unread = await UnreadAsync(api);
        Assert.True(unread >= 2, $"周敏 has {unread} unread reminders on the demo's first day");
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "zhoumin");

        await Expect(Badge(page)).ToHaveTextAsync(unread.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "通知", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "通知", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("notification")).ToHaveCountAsync(Math.Min(unread, 20));
        await BrowserHost.ScreenshotAsync(page, "inbox");

        await page.GetByTestId("mark-read").First.ClickAsync();
        await Expect(Badge(page)).ToHaveTextAsync((unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(unread - 1, await UnreadAsync(api));

        await page.GetByTestId("mark-all-read").ClickAsync();
        await Expect(page.GetByText("没有未读通知。")).ToBeVisibleAsync();
        await Expect(Badge(page)).ToBeHiddenAsync();
        Assert.Equal(0, await UnreadAsync(api));

        await page.GetByRole(AriaRole.Switch, new PageGetByRoleOptions { Name = "只看未读" }).ClickAsync();
        await Expect(page.GetByTestId("notification")).ToHaveCountAsync(Math.Min(unread, 20));
        await Expect(page.GetByTestId("notification").First).ToContainTextAsync("已读");
    }

    private static ILocator Badge(IPage page) => page.Locator("[data-testid=unread-badge] .mud-badge");

    private static async Task<int> UnreadAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count", LedgerApiFactory.Json))!.Count;
}
