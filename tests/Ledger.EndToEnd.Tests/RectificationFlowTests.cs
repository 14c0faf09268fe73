using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Ledger.Application.Common;
using Ledger.Application.Dashboard;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Testing;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

/// <summary>
/// The job from feedback to 销号, each step by the person whose job it is, in the browser: the office imports a report
/// and assigns a problem, the lead department's head works it and asks for 销号, the office reviews, the leader
/// approves, and the dashboard counts it. A host of its own, as the import adds a round.
/// </summary>
public sealed class RectificationFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    // The 东莞 progress report, saved from Word: another document than the seed the demo ledger was imported from.
    private static readonly string Seed = RepositoryFiles.Seed("001_73f4c097e75b81dc.txt");

    [Fact]
    public async Task Feedback_imported_and_assigned_is_worked_reviewed_approved_and_counted_on_the_dashboard()
    {
        var office = await BrowserHost.SignedInAsync(host.NewPageAsync(), "office");
        await office.GotoAsync("/rounds/import");
        await BrowserHost.WaitInteractiveAsync(office);
        await BrowserHost.ChooseFileAsync(office.Locator("input[type=file]").Last, new FilePayload
        {
            Name = "东莞整改进展.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = WordFile.Of(await File.ReadAllLinesAsync(Seed)),
        });
        await Expect(office.GetByTestId("import-counts")).ToContainTextAsync("东莞整改进展.docx");
        await office.GetByTestId("commit-import").ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex(@"/items\?roundId=[0-9a-f-]{36}$"));
        var roundId = Guid.Parse(office.Url[^36..]);

        var api = await host.ApiAsAsync("office");
        var item = (await api.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={roundId}&status=NotStarted&kind=Feedback", LedgerApiFactory.Json))!.Items[0];
        var closedBefore = await ClosedOutAsync(roundId);

        // 政治部's head does not see the problem before it is 办公室's, nor after.
        await AssertHiddenAsync("chenli", item.Id);

        // The office assigns it: 李明 answers for it, 办公室 leads, 周敏 does it, by 2025年2月28日.
        var assigning = await ItemPage.OpenAsync(host, "office", item.Id);
        await assigning.GetByTestId("action-assign").ClickAsync();
        var dialog = ItemPage.Dialog(assigning);
        await ChooseAsync(assigning, dialog.GetByTestId("field-leader"), "李明");
        await ChooseAsync(assigning, dialog.GetByTestId("field-lead-department"), "办公室");
        await ChooseAsync(assigning, dialog.GetByTestId("field-person"), "周敏（办公室）");
        var deadline = dialog.GetByLabel("整改时限", new LocatorGetByLabelOptions { Exact = true });
        await deadline.FillAsync("2025年2月28日");
        await deadline.PressAsync("Tab");
        await ItemPage.SubmitAsync(host, assigning, "已办理“责任分工”");
        await Expect(assigning.GetByTestId("item-assignment")).ToContainTextAsync("周敏");
        await Expect(assigning.GetByTestId("item-assignment")).ToContainTextAsync("2025年2月28日");
        await CompleteMeasuresAsync(api, item.Id);

        // 周敏 starts it, reports, uploads the proof, marks it done and asks for 销号.
        var head = await ItemPage.OpenAsync(host, "zhoumin", item.Id);
        await head.GetByTestId("action-start").ClickAsync();
        await ItemPage.SubmitAsync(host, head, "事项现为整改中");
        await head.GetByTestId("action-report-progress").ClickAsync();
        await ItemPage.Dialog(head).GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = "本期进展" }).FillAsync("已召开专题会议，制定整改措施并逐项落实。");
        await ItemPage.SubmitAsync(host, head, "已办理“报送进展”");
        await head.GetByTestId("action-attach-evidence").ClickAsync();
        await BrowserHost.ChooseFileAsync(ItemPage.Dialog(head).Locator("input[type=file]"), new FilePayload
        {
            Name = "会议纪要.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.UTF8.GetBytes($"%PDF-1.4\n% 会议纪要 {item.Id}\n%%EOF\n"),
        });
        await ItemPage.SubmitAsync(host, head, "佐证材料“会议纪要.pdf”已上传。");
        await head.GetByTestId("action-completed").ClickAsync();
        await ItemPage.SubmitAsync(host, head, "事项现为已完成");
        var officeUnread = await UnreadAsync("office");
        var leaderUnread = await UnreadAsync("liming");
        await head.GetByTestId("action-request-close-out").ClickAsync();
        await ItemPage.Dialog(head).GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = "整改完成情况" }).FillAsync("措施已全部落实，会议纪要为证。");
        await ItemPage.SubmitAsync(host, head, "事项现为销号申请中");

        // The office reviews, 李明 approves.
        // The request reaches the office's bell at once, the review the leader's.
        var reviewing = await ItemPage.OpenAsync(host, "office", item.Id);
        await Expect(Bell(reviewing)).ToHaveTextAsync($"{officeUnread + 1}");
        await reviewing.GetByTestId("action-review-close-out").ClickAsync();
        await ItemPage.Dialog(reviewing).GetByText("通过", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await ItemPage.SubmitAsync(host, reviewing, "已办理“审核销号申请”");
        var leader = await ItemPage.OpenAsync(host, "liming", item.Id);
        await Expect(Bell(leader)).ToHaveTextAsync($"{leaderUnread + 1}");
        await leader.GetByTestId("action-decide-close-out").ClickAsync();
        await ItemPage.Dialog(leader).GetByText("批准销号", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await ItemPage.SubmitAsync(host, leader, "事项现为已销号");
        await Expect(ItemPage.Status(leader)).ToHaveTextAsync("已销号");

        // The leader's dashboard of the round counts one more 已销号, and its card opens the ledger showing it.
        await leader.GotoAsync($"/dashboard?roundId={roundId}");
        await BrowserHost.WaitInteractiveAsync(leader);
        await Expect(leader.GetByTestId("card-closed-out")).ToContainTextAsync($"{closedBefore + 1}个");
        await leader.GetByTestId("card-closed-out").ClickAsync();
        await Expect(leader.GetByTestId("ledger-grid")).ToContainTextAsync(item.Title);

        // So does this week's 当周销号 under the trend.
        await leader.GoBackAsync();
        await leader.GetByTestId("trend-closed-out").GetByRole(AriaRole.Link).Last.ClickAsync();
        await Expect(leader).ToHaveURLAsync(new Regex(@"closedOutFrom=2025-01-13&closedOutTo=2025-01-16$"));
        await Expect(leader.GetByTestId("ledger-grid")).ToContainTextAsync(item.Title);

        await AssertHiddenAsync("chenli", item.Id);
    }

    private static ILocator Bell(IPage page) => page.Locator("[data-testid=unread-badge] .mud-badge");

    private async Task<int> UnreadAsync(string userName) =>
        (await (await host.ApiAsAsync(userName)).GetFromJsonAsync<Ledger.Application.Notifications.UnreadCount>("/api/notifications/unread-count"))!.Count;

    private async Task<int> ClosedOutAsync(Guid roundId) =>
        (await (await host.ApiAsAsync("liming")).GetFromJsonAsync<DashboardDto>($"/api/dashboard?roundId={roundId}", LedgerApiFactory.Json))!.Totals.ClosedOut;

    private async Task AssertHiddenAsync(string userName, Guid itemId)
    {
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), userName);
        await page.GotoAsync($"/items/{itemId}");
        await Expect(page.GetByText("未找到该整改事项或无权查看")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Opens a MudSelect and picks the option with this text from its list.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list")).ToHaveCountAsync(0);
    }

    /// <summary>The measures are the department's work on the ledger before the proof; the item page's own test takes them one by one.</summary>
    private static async Task CompleteMeasuresAsync(HttpClient office, Guid itemId)
    {
        var detail = (await office.GetFromJsonAsync<ItemDetailDto>($"/api/items/{itemId}", LedgerApiFactory.Json))!;
        var version = detail.Item.Version;
        foreach (var measure in detail.Measures.Where(m => m.CompletedOn is null))
        {
            version = (await (await office.PostJsonAsync($"/api/items/{itemId}/measures/{measure.Id}/complete", new { version })).ReadAsync<ItemState>()).Version;
        }
    }
}
