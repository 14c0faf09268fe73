using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed class AdminTests(BrowserHost host)
{
    [Fact]
    public async Task The_administrator_finds_the_accounts_and_the_working_calendar_with_the_spring_festival_marked()
    {
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "admin");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "系统管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "用户", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("user-login").Filter(new LocatorFilterOptions { HasText = "liuyang" })).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "admin-users");
        await page.GetByTestId("create-user").ClickAsync();
        await Expect(page.GetByLabel("初始密码")).ToHaveValueAsync(new Regex("^.{10}$"));
        await BrowserHost.ScreenshotAsync(page, "admin-user-dialog");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "部门与人员" }).ClickAsync();
        await Expect(page.GetByTestId("person-name").Filter(new LocatorFilterOptions { HasText = "周敏" })).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "admin-departments");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "工作日历" }).ClickAsync();
        await Expect(page.Locator("[data-date='2025-01-29']")).ToHaveClassAsync(Kind("cal-holiday"));
        await Expect(page.Locator("[data-date='2025-01-26']")).ToHaveClassAsync(Kind("cal-workday"));
        await Expect(page.Locator("[data-date='2025-01-25']")).ToHaveClassAsync(Kind("cal-off"));
        await BrowserHost.ScreenshotAsync(page, "admin-calendar");

        var phone = await BrowserHost.SignedInAsync(host.NewPageAsync(390, 844), "admin");
        await phone.GotoAsync("/admin/calendar");
        await Expect(phone.Locator("[data-date='2025-01-29']")).ToHaveClassAsync(Kind("cal-holiday"));
        await BrowserHost.ScreenshotAsync(phone, "admin-calendar-phone");
    }

    private static Regex Kind(string kind) => new($"\\b{kind}\\b");
}
