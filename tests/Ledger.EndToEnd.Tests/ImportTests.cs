using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Application.Rounds;
using Ledger.Testing;
using Ledger.Web.Tests;
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
    [Fact]
    public async Task The_office_pastes_a_50_KB_report_previews_it_while_the_box_has_focus_and_imports_it()
    {
        // Seed 002 with the unit its web page lost: another document than the demo's, of 50,9xx bytes (the circuit's messages stop at 32 KB).
        var text = (await File.ReadAllTextAsync(Seed)).Replace("腾博会", "长沙市人民检察院", StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 50_000, 52_000);
        var page = await OpenImportAsync();
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "粘贴文字" }).ClickAsync();

        var box = page.GetByTestId("report-text");
        await box.FillAsync(text);

        // Still typing (the box has focus): 预览 is there to press.
        await Expect(box).ToBeFocusedAsync();
        await Expect(page.GetByTestId("preview-text")).ToBeEnabledAsync();
        await page.GetByTestId("preview-text").ClickAsync();
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("粘贴的文本.txt：识别出 4 个方面、40 个问题");
        await Expect(page.Locator("input[data-testid=import-unit]")).ToHaveValueAsync("长沙市人民检察院 党组");
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();

        await page.GetByTestId("commit-import").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/items\?roundId=[0-9a-f-]{36}$"));
        await Expect(page.Locator(".mud-table-pagination")).ToContainTextAsync("共 40 条");
    }

    [Fact]
    public async Task The_office_corrects_the_rounds_dates_and_maps_each_unknown_name_before_importing()
    {
        var page = await OpenImportAsync();
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "粘贴文字" }).ClickAsync();
        await page.GetByTestId("report-text").FillAsync("""
            县委第六巡察组于2026年9月1日至10月31日对县档案馆党组进行了巡察，并于2026年12月1日反馈了巡察意见。
            一、巡察反馈问题整改情况
            （一）党的建设方面
            1.会风不严，会议多而不精。
            责任领导：钱国庆
            责任单位：综合股
            2.档案数字化进度滞后。
            责任单位：数字档案股
            责任人：孙小梅
            """);
        await page.GetByTestId("preview-text").ClickAsync();
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("识别出 1 个方面、2 个问题");

        var rows = page.GetByTestId("unknown-name");
        await Expect(rows).ToHaveCountAsync(4);
        Assert.Equal(
            ["部门 综合股 问题1（第4行）", "责任领导 钱国庆 问题1（第4行）", "部门 数字档案股 问题2（第7行）", "责任人 孙小梅 问题2（第7行）"],
            await Task.WhenAll((await rows.AllAsync()).Select(async r => string.Join(' ', (await r.Locator("td").AllInnerTextsAsync()).Take(3)))));
        await page.GetByTestId("unknown-names").ScrollIntoViewIfNeededAsync();
        await BrowserHost.ScreenshotAsync(page, "import-names");
        await ChooseAsync(page, rows.Nth(0), "办公室");
        await ChooseAsync(page, rows.Nth(1), "新建责任领导“钱国庆”");
        await ChooseAsync(page, rows.Nth(2), "新建部门“数字档案股”");

        // Dates as computers write them and as documents do.
        await TypeDateAsync(page, "进驻开始日期", "2026-09-02");
        await TypeDateAsync(page, "反馈日期", "2026年12月3日");
        await Expect(page.Locator(".mud-input-error")).ToHaveCountAsync(0);

        await page.GetByTestId("commit-import").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/items\?roundId=[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("ledger-grid")).ToContainTextAsync("档案数字化进度滞后");
        var roundId = Guid.Parse(new Uri(page.Url).Query.Split('=')[1]);
        var api = host.CreateClient();
        var round = await api.GetFromJsonAsync<RoundDto>($"/api/rounds/{roundId}", LedgerApiFactory.Json);
        Assert.Equal((new DateOnly(2026, 9, 2), new DateOnly(2026, 10, 31), new DateOnly(2026, 12, 3)), (round!.InspectionStart, round.InspectionEnd, round.FeedbackDate));
        var items = (await api.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={roundId}", LedgerApiFactory.Json))!.Items.OrderBy(i => i.Number).ToList();
        Assert.Equal([("办公室", "钱国庆", (string?)null), ("数字档案股", null, null)], items.Select(i => (i.LeadDepartmentName!, i.ResponsibleLeaderName, i.ResponsiblePersonName)));
        Assert.Contains((await api.GetFromJsonAsync<List<DepartmentDto>>("/api/departments", LedgerApiFactory.Json))!, d => d.Name == "数字档案股");
    }

    private async Task<IPage> OpenImportAsync()
    {
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "office");
        await page.GotoAsync("/rounds/import");
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "导入报告" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task ChooseAsync(IPage page, ILocator row, string option)
    {
        await row.GetByRole(AriaRole.Combobox).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = option, Exact = true }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Combobox)).ToContainTextAsync(option);
    }

    private static async Task TypeDateAsync(IPage page, string label, string date)
    {
        var field = page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = label });
        await field.FillAsync(date);
        await field.PressAsync("Tab");
    }
}
