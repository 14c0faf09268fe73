using System.Text.RegularExpressions;
using Ledger.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

/// <summary>A host of its own: the import adds a round, and the shared host's tests count the demo ledger's three.</summary>
public sealed class ImportTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    // The 长沙 progress report: 4 aspects, 40 problems, 10 lines the parser warns about.
    private static readonly string Seed = RepositoryFiles.Seed("002_bc7ac9455876ebe8.txt");

    // The demo loads seed 002 under the unit's own name (DemoData), so the file imported as it is comes from another seed.
    private static readonly string Imported = RepositoryFiles.Seed("000_a214ae62bcaa29c6.txt");

    [Fact]
    public async Task The_office_uploads_a_report_sees_its_preview_and_warnings_and_lands_on_the_new_rounds_ledger()
    {
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "office");
        await page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "主菜单" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "巡察轮次", Exact = true }).ClickAsync();
        await page.GetByTestId("import-report").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "导入报告" })).ToBeVisibleAsync();

        // MudFileUpload adds a fresh input after each choice; the last one takes the next.
        var file = page.Locator("input[type=file]").Last;

        // The demo ledger was imported from the seed reports: the same file again is not imported twice.
        await BrowserHost.ChooseFileAsync(file, new FilePayload { Name = Path.GetFileName(Imported), MimeType = "text/plain", Buffer = await File.ReadAllBytesAsync(Imported) });
        await Expect(page.GetByTestId("already-imported")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("existing-round")).ToHaveAttributeAsync("href", new Regex(@"^/items\?roundId=[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("commit-import")).ToHaveCountAsync(0);

        // The same report saved from Word is another document: it is previewed, then imported.
        await BrowserHost.ChooseFileAsync(file, new FilePayload
        {
            Name = "长沙整改进展.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = WordFile.Of(await File.ReadAllLinesAsync(Seed)),
        });
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("长沙整改进展.docx：识别出 4 个方面、40 个问题");
        await Expect(page.GetByTestId("already-imported")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("import-warning")).ToHaveCountAsync(10);
        await Expect(page.GetByTestId("import-item")).ToHaveCountAsync(40);
        await Expect(page.GetByTestId("import-genre")).ToHaveTextAsync("整改情况报告");
        await Expect(page.Locator("input[data-testid=import-team]")).ToHaveValueAsync("市委第三巡察组");
        await BrowserHost.ScreenshotAsync(page, "import-preview");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"the import page is {width}px wide on a 1366px screen");

        await page.GetByTestId("commit-import").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/items\?roundId=[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("ledger-grid")).ToContainTextAsync("上一轮巡察整改遗留问题");
        await Expect(page.Locator(".mud-table-pagination")).ToContainTextAsync("共 40 条");
        await BrowserHost.ScreenshotAsync(page, "import-ledger");
    }
}
