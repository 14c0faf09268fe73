using System.Text.RegularExpressions;
using Ledger.Application.Common.Security;
using Ledger.Infrastructure.Identity;
using Ledger.Web.Tests;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed partial class SignInTests(BrowserHost host)
{
    [Fact]
    public async Task A_wrong_password_is_refused_in_Chinese_and_the_right_one_opens_the_page_asked_for()
    {
        host.CreateUser("browser-signin", Roles.Office, displayName: "签到测试");
        var page = await host.NewPageAsync();

        await page.GotoAsync("/items?status=InProgress");
        await Expect(page).ToHaveURLAsync(SignInWithReturnUrl());
        await FillAndSubmitAsync(page, "browser-signin", "Wrong@2025");
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("登录名或密码不正确");
        await BrowserHost.ScreenshotAsync(page, "sign-in-refused");

        await FillAndSubmitAsync(page, "browser-signin", LedgerApiFactory.Password);
        await Expect(page).ToHaveURLAsync(new Regex(@"/items\?status=InProgress$"));
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("签到测试");
        await Expect(page.GetByTestId("status").First).ToHaveTextAsync("整改中");
        Assert.All(await page.GetByTestId("status").AllInnerTextsAsync(), s => Assert.Equal("整改中", s));

        // The name in the app bar leads to the password page, which a signed-in user may leave again.
        await page.GetByTestId("user-name").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
        await Expect(page.GetByTestId("must-change")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "返回" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/my-work$"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_as_the_API_does()
    {
        host.CreateUser("browser-locked", Roles.Office);
        var page = await host.NewPageAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await BrowserHost.SubmitSignInAsync(page, "browser-locked", "Wrong@2025");
        }

        // The right password is refused in the words of a wrong one: the page does not confirm the account exists.
        await BrowserHost.SubmitSignInAsync(page, "browser-locked", LedgerApiFactory.Password);
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("登录失败");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LedgerUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("browser-locked"))!));
    }

    [Fact]
    public async Task A_first_password_must_be_changed_before_anything_else()
    {
        host.CreateUser("browser-first", Roles.Office, mustChangePassword: true, displayName: "新来的");
        var page = await host.NewPageAsync();

        await BrowserHost.SubmitSignInAsync(page, "browser-first", LedgerApiFactory.Password);
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/password\?returnUrl=%2F$"));
        await Expect(page.GetByTestId("must-change")).ToBeVisibleAsync();

        // The ledger is refused until then, whatever address is typed.
        await page.GotoAsync("/items");
        await Expect(page).ToHaveURLAsync(new Regex("/account/password"));

        await ChangeAsync(page, LedgerApiFactory.Password, "short");
        await Expect(page.Locator(".validation-message").First).ToContainTextAsync("密码");
        await Expect(page).ToHaveURLAsync(new Regex("/account/password"));

        await ChangeAsync(page, LedgerApiFactory.Password, "Changed@2025");
        await Expect(page).ToHaveURLAsync(new Regex("/items$"));
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("新来的");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "退出" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login$"));
        await FillAndSubmitAsync(page, "browser-first", "Changed@2025");
        await Expect(page).ToHaveURLAsync(new Regex("/my-work$"));
    }

    [Fact]
    public async Task The_pages_and_the_API_reference_run_under_the_content_security_policy()
    {
        host.CreateUser("browser-csp", Roles.Office, displayName: "策略测试");
        var page = await host.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        // A page works only once its circuit (a WebSocket the policy must allow) answers a click.
        await BrowserHost.SubmitSignInAsync(page, "browser-csp", LedgerApiFactory.Password);
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GotoAsync("/items");
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("策略测试");

        // Scalar renders its reference from the OpenAPI document with its own inline settings script.
        await page.GotoAsync("/scalar/");
        await Expect(page.GetByText("Ledger 巡察整改台账 API").First).ToBeVisibleAsync();

        Assert.Empty(refused);
    }

    private static async Task FillAndSubmitAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("登录名").FillAsync(userName);
        await page.GetByLabel("密码", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "登录" }).ClickAsync();
    }

    private static async Task ChangeAsync(IPage page, string current, string next)
    {
        await page.GetByLabel("当前密码").FillAsync(current);
        await page.GetByLabel("新密码", new PageGetByLabelOptions { Exact = true }).FillAsync(next);
        await page.GetByLabel("确认新密码").FillAsync(next);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "修改密码" }).ClickAsync();
    }

    [GeneratedRegex(@"/account/login\?returnUrl=%2Fitems%3Fstatus%3DInProgress$")]
    private static partial Regex SignInWithReturnUrl();
}
