using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed class ReportTests(BrowserHost host)
{
    private const string PartOne = "（一）提高政治站位，压实整改责任。党组召开专题会议研究部署巡察整改工作，成立整改工作领导小组。";

    private const string PartThree = "一是持续推进整改。对阶段性完成的问题紧盯不放，确保按期完成。";

    private const string Reworded = "已制定专项制度并组织全员学习，整改情况经整改办核实。";

    [Fact]
    public async Task The_office_writes_the_report_rewords_a_problem_publishes_it_after_review_and_downloads_the_edition()
    {
        var round = await FirstRoundAsync();
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "office");

        await OpenReportFromRoundsAsync(page, round);
        await Expect(page.GetByTestId("report-round")).ToHaveTextAsync($"{round.InspectingTeam} · {round.InspectedUnit}");
        await Expect(page.GetByTestId("statistics-sentence")).ToContainTextAsync("截至2025年1月16日");
        await Expect(Issues(page).Filter(new LocatorFilterOptions { HasText = "尚未填写" })).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("draft-docx")).ToHaveAttributeAsync("href", $"/api/rounds/{round.Id}/report/docx?asOf=2025-01-16");
        await BrowserHost.ScreenshotAsync(page, "report-1366x768");
        await AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "组织整改落实情况" }).FillAsync(PartOne);
        await page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "下一步工作安排" }).FillAsync(PartThree);
        await page.GetByTestId("save-parts").ClickAsync();
        await Expect(Snackbar(page, "通报已保存。")).ToBeVisibleAsync();
        await Expect(Issues(page).Filter(new LocatorFilterOptions { HasText = "尚未填写" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "各问题整改情况" }).ClickAsync();
        var first = page.GetByTestId("report-item").First;
        var number = await first.GetAttributeAsync("data-number");
        await first.GetByTestId("item-text").FillAsync(Reworded);
        await first.GetByTestId("save-item").ClickAsync();
        await Expect(Snackbar(page, $"第{number}项的整改情况已保存。")).ToBeVisibleAsync();
        await Expect(first).ToContainTextAsync("使用整改办改写的文字。");
        await BrowserHost.ScreenshotAsync(page, "report-problems");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "全文预览" }).ClickAsync();
        var preview = page.GetByTestId("report-preview");
        await Expect(preview).ToContainTextAsync(PartOne);
        await Expect(preview).ToContainTextAsync(PartThree);
        await Expect(preview).ToContainTextAsync("整改情况：" + Reworded);
        await BrowserHost.ScreenshotAsync(page, "report-preview");

        // The demo ledger leaves problems without progress reports: publishing asks for the review of each.
        var open = await Issues(page).AllInnerTextsAsync();
        Assert.NotEmpty(open);
        await Expect(page.GetByTestId("issue-count")).ToHaveTextAsync(open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("publish").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"一致性检查尚有 {open.Count} 项");
        await Expect(dialog.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([.. open]);
        var confirm = dialog.GetByTestId("confirm-publish");
        await Expect(confirm).ToBeDisabledAsync();
        await BrowserHost.ScreenshotAsync(page, "report-publish");
        await dialog.GetByText("已逐项核对").ClickAsync();
        await confirm.ClickAsync();

        await Expect(Snackbar(page, "已发布第1版。")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("edition")).ToHaveTextAsync(["第1版"]);
        await Expect(page.GetByTestId("last-published")).ToHaveTextAsync("已发布第1版（截至2025年1月16日）");
        var edition = (await (await host.ApiAsAsync("office")).GetFromJsonAsync<List<PublishedReportSummary>>($"/api/rounds/{round.Id}/report/editions", LedgerApiFactory.Json))!.Single();
        await Expect(page.GetByTestId("editions")).ToContainTextAsync(edition.DocxSha256[..12]);
        await Expect(page.GetByTestId("editions")).ToContainTextAsync("整改办");
        await BrowserHost.ScreenshotAsync(page, "report-published");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("edition-docx").ClickAsync());
        Assert.Equal($"{edition.Title}（截至2025年1月16日）第1版.docx", download.SuggestedFilename);
        var file = Path.Combine(host.DataDirectory, "downloaded-edition.docx");
        await download.SaveAsAsync(file);
        Assert.Equal(edition.DocxSha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
        using var docx = WordprocessingDocument.Open(file, isEditable: false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(PartOne, text, StringComparison.Ordinal);
        Assert.Contains(Reworded, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_reads_the_report_without_writing_or_publishing()
    {
        var round = await FirstRoundAsync();
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "liming");

        await OpenReportFromRoundsAsync(page, round);
        await Expect(page.GetByTestId("statistics-sentence")).ToContainTextAsync("截至2025年1月16日");
        await Expect(page.GetByTestId("figures")).ToContainTextAsync("整改完成率");

        await Expect(page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "编写通报" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("publish")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "各问题整改情况" }).ClickAsync();
        await Expect(page.GetByTestId("item-report-text").First).ToContainTextAsync("整改情况：");
        await BrowserHost.ScreenshotAsync(page, "report-leader");
        await Expect(page.GetByTestId("item-text")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "保存" })).ToHaveCountAsync(0);

        // An earlier date: the figures and the file follow it; a date after today is not taken.
        await SetDateAsync(page, "截至日期", "2025年1月10日");
        await Expect(page.GetByTestId("statistics-sentence")).ToContainTextAsync("截至2025年1月10日");
        await Expect(page.GetByTestId("draft-docx")).ToHaveAttributeAsync("href", $"/api/rounds/{round.Id}/report/docx?asOf=2025-01-10");
        await SetDateAsync(page, "成文日期", "2025年1月12日");
        await Expect(page.GetByTestId("draft-docx")).ToHaveAttributeAsync("href", $"/api/rounds/{round.Id}/report/docx?asOf=2025-01-10&reportDate=2025-01-12");
        await Expect(page.GetByTestId("report-preview")).ToContainTextAsync("2025年1月12日");
        await SetDateAsync(page, "截至日期", "2025年1月20日");
        await Expect(Snackbar(page, "截至日期不能晚于今天")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "截至日期" })).ToHaveValueAsync("2025年1月10日");
        await Expect(page.GetByTestId("statistics-sentence")).ToContainTextAsync("截至2025年1月10日");
        await Expect(page.GetByTestId("draft-docx")).ToHaveAttributeAsync("href", $"/api/rounds/{round.Id}/report/docx?asOf=2025-01-10&reportDate=2025-01-12");
    }

    [Fact]
    public async Task A_department_user_lists_the_rounds_and_their_ledgers_but_is_not_offered_the_report()
    {
        var round = await FirstRoundAsync();
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "zhoumin");

        await Menu(page, "巡察轮次").ClickAsync();
        await Expect(page.GetByTestId("round-ledger")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("round-report")).ToHaveCountAsync(0);

        // A typed address gets the server's refusal in Chinese, not a broken page.
        await page.GotoAsync($"/rounds/{round.Id}/report");
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("report-refused")).ToHaveTextAsync("您没有权限进行此操作。");

        await Menu(page, "巡察轮次").ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"{round.InspectingTeam}巡察{round.InspectedUnit}的台账" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/items\?roundId={round.Id}$"));
        await Expect(page.GetByTestId("ledger-grid")).ToBeVisibleAsync();
    }

    private async Task<RoundSummaryDto> FirstRoundAsync() =>
        (await host.CreateClient().GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))![0];

    private static async Task OpenReportFromRoundsAsync(IPage page, RoundSummaryDto round)
    {
        await Menu(page, "巡察轮次").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "巡察轮次" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"{round.InspectingTeam}巡察{round.InspectedUnit}的整改情况通报" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/rounds/{round.Id}/report$"));
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "整改情况通报" })).ToBeVisibleAsync();
    }

    private static async Task SetDateAsync(IPage page, string label, string date)
    {
        var field = page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = label });
        await field.FillAsync(date);
        await field.PressAsync("Tab");
    }

    // An office PC's screen holds the page's width: nothing scrolls sideways.
    private static async Task AssertFitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"the report page is {width}px wide on a 1366px screen");
    }

    private static ILocator Menu(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "主菜单" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true });

    private static ILocator Issues(IPage page) => page.GetByTestId("issue");

    private static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = text });
}
