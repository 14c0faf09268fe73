using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Testing;
using Ledger.Web.Jobs;
using Ledger.Web.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ledger.EndToEnd.Tests;

/// <summary>
/// The app on a free port of 127.0.0.1 with the demo ledger (three rounds, 78 items, one account per role) on a fresh
/// SQLite file, today being 2025年1月16日 and that day's reminders delivered; Debian's Chromium driven by Playwright.
/// One host and one browser serve every test; each test opens its own browser context (its own cookies).
/// </summary>
public sealed class BrowserHost : LedgerApiFactory, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The demo accounts' password (AccountSeed.DemoPassword).</summary>
    public const string DemoPassword = "Ledger@2025";

    /// <summary>The demo ledger's size, as DemoDataTests pins it.</summary>
    public const int DemoItems = 78;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserHost() => ListenOnLoopback();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:DemoData", "true");

        // Outside Development an unpublished build finds MudBlazor's and Blazor's files only through this manifest.
        builder.UseStaticWebAssets();
    }

    public async Task InitializeAsync()
    {
        // A missing browser fails every test with this message rather than letting them pass unrun.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}, which is not installed: apt-get install -y chromium fonts-noto-cjk (.ci/run does).");
        }

        await Services.GetRequiredService<ReminderJobs>().ScanAsync(CancellationToken.None);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A page in a new browser context: no cookies, a 1366×768 office screen unless told otherwise, Chinese.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>An API client signed in as a demo account, to learn what the server answers that user.</summary>
    public async Task<HttpClient> ApiAsAsync(string userName)
    {
        var client = Anonymous();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword });
        var token = (await login.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Fills the sign-in form and submits it, as a user would.</summary>
    public static async Task SubmitSignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("登录名").FillAsync(userName);
        await page.GetByLabel("密码", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "登录" }).ClickAsync();
    }

    /// <summary>Signs in and waits until the page is interactive (its circuit connected), so clicks reach the server.</summary>
    public static async Task<IPage> SignedInAsync(Task<IPage> opening, string userName, string password = DemoPassword)
    {
        var page = await opening;
        await SubmitSignInAsync(page, userName, password);
        await WaitInteractiveAsync(page);
        return page;
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

    /// <summary>
    /// Chooses a file in a Blazor file input once its script listens: the input is rendered a moment before that, and a
    /// file chosen in between is dropped without a word (a person is never that quick; a loaded test machine is).
    /// </summary>
    public static async Task ChooseFileAsync(ILocator input, FilePayload file)
    {
        for (var waited = 0; !await input.EvaluateAsync<bool>("e => e._blazorInputFileNextFileId !== undefined"); waited += 100)
        {
            Assert.True(waited < 15_000, "the file input never started listening");
            await Task.Delay(100);
        }

        await input.SetInputFilesAsync(file);
    }

    /// <summary>Saves the page as TestResults/screenshots/<paramref name="name"/>.png beside the README's test results.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = RepositoryFiles.Path("TestResults", "screenshots", $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
    }
}

[CollectionDefinition(nameof(SharedBrowser))]
public sealed class SharedBrowser : ICollectionFixture<BrowserHost>;
