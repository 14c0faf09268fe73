using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Domain.Items;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed class ItemDetailTests(BrowserHost host)
{
    private const string Progress = "修订了《请示报告制度》，组织全体干警专题学习。";

    private const string Summary = "制度已修订并印发，执行情况经两次抽查未发现问题。";

    [Fact]
    public async Task A_department_head_reports_uploads_and_requests_close_out_the_office_reviews_and_the_leader_approves()
    {
        var item = await DemoItemAsync();
        var evidence = Encoding.UTF8.GetBytes($"%PDF-1.4\n% 整改方案 {item.Id}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        var head = await ItemPage.OpenAsync(host, "zhoumin", item.Id);
        await Expect(head.GetByTestId("item-title")).ToContainTextAsync(item.Title);
        await Expect(ItemPage.Status(head)).ToHaveTextAsync("未启动");
        await Expect(head.GetByTestId("action-review-close-out")).ToHaveCountAsync(0);
        await head.GetByTestId("action-start").ClickAsync();
        await ItemPage.SubmitAsync(host, head, "事项现为整改中");

        await head.GetByTestId("action-report-progress").ClickAsync();
        await ItemPage.Dialog(head).GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = "本期进展" }).FillAsync(Progress);
        await ItemPage.SubmitAsync(host, head, "已办理“报送进展”");

        await head.GetByTestId("action-attach-evidence").ClickAsync();
        await Expect(ItemPage.Dialog(head).GetByTestId("file-limits")).ToContainTextAsync("不超过 50 MB");
        await BrowserHost.ChooseFileAsync(ItemPage.Dialog(head).Locator("input[type=file]"), new FilePayload { Name = "整改方案.pdf", MimeType = "application/pdf", Buffer = evidence });
        await ItemPage.SubmitAsync(host, head, "佐证材料“整改方案.pdf”已上传。");
        await Expect(head.GetByTestId("uploaded-sha")).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(evidence)));
        await Expect(head.GetByTestId("evidence-download").Filter(new LocatorFilterOptions { HasText = "整改方案.pdf" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/api/items/{item.Id}/evidence/"));

        await head.GetByTestId("action-completed").ClickAsync();
        await ItemPage.SubmitAsync(host, head, "事项现为已完成");
        await head.GetByTestId("action-request-close-out").ClickAsync();
        await ItemPage.Dialog(head).GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = "整改完成情况" }).FillAsync(Summary);
        await ItemPage.SubmitAsync(host, head, "事项现为销号申请中");
        await Expect(head.GetByTestId("action-request-close-out")).ToHaveCountAsync(0);

        var office = await ItemPage.OpenAsync(host, "office", item.Id);
        await Expect(office.GetByTestId("action-decide-close-out")).ToHaveCountAsync(0);
        await office.GetByTestId("action-review-close-out").ClickAsync();
        await Expect(ItemPage.Dialog(office).GetByTestId("close-out-summary")).ToContainTextAsync(Summary);
        await ItemPage.Dialog(office).GetByText("通过", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await ItemPage.SubmitAsync(host, office, "已办理“审核销号申请”");

        var leader = await ItemPage.OpenAsync(host, "liming", item.Id);
        await leader.GetByTestId("action-decide-close-out").ClickAsync();
        await ItemPage.Dialog(leader).GetByText("批准销号", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await ItemPage.SubmitAsync(host, leader, "事项现为已销号");

        await Expect(ItemPage.Status(leader)).ToHaveTextAsync("已销号");
        await Expect(leader.GetByTestId("no-actions")).ToBeVisibleAsync();
        var titles = await leader.GetByTestId("timeline-title").AllInnerTextsAsync();
        Assert.Contains("报送2025年1月16日进展情况", titles);
        Assert.Contains("佐证材料", titles);
        await Expect(leader.GetByTestId("timeline")).ToContainTextAsync(Progress);
        await Expect(leader.GetByTestId("timeline")).ToContainTextAsync("整改方案.pdf");
        await Expect(leader.GetByTestId("timeline")).ToContainTextAsync("已销号");
        var actors = await leader.GetByTestId("timeline-entry").AllInnerTextsAsync();
        Assert.Contains(actors, a => a.Contains("李明", StringComparison.Ordinal));
        Assert.Contains(actors, a => a.Contains("整改办", StringComparison.Ordinal));
        Assert.Contains(actors, a => a.Contains("周敏", StringComparison.Ordinal));
        await BrowserHost.ScreenshotAsync(leader, "item-detail");

        await AssertFitsAsync(leader, 1366);

        await leader.SetViewportSizeAsync(390, 844);
        await AssertFitsAsync(leader, 390);
        await BrowserHost.ScreenshotAsync(leader, "item-detail-phone");
    }

    /// <summary>
    /// A demo item of 办公室 (周敏's department) under 李明, not started, its measures done by the office beforehand: a new
    /// item would change the demo ledger's size, which the other tests count.
    /// </summary>
    [Fact]
    public async Task A_department_head_reports_progress_with_the_keyboard_alone_in_a_form_whose_every_field_is_labelled()
    {
        var api = await host.ApiAsAsync("zhoumin");
        var office = (await api.GetFromJsonAsync<List<DepartmentDto>>("/api/departments", LedgerApiFactory.Json))!.Single(d => d.Name == "办公室");
        // One not under 李明, whose items the close-out test takes.
        var item = (await api.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?status=NotStarted&leadDepartmentId={office.Id}&pageSize=200", LedgerApiFactory.Json))!
            .Items.OrderBy(i => i.ResponsibleLeaderName == "李明").First();
        (await api.PostJsonAsync($"/api/items/{item.Id}/start", new { version = item.Version })).EnsureSuccessStatusCode();
        var page = await ItemPage.OpenAsync(host, "zhoumin", item.Id);

        await TabToAsync(page, page.GetByTestId("action-report-progress"), 80);
        await page.Keyboard.PressAsync("Enter");
        var dialog = ItemPage.Dialog(page);

        // The dialog opens on its first field, so typing starts there.
        await Expect(dialog.Locator("input:focus, textarea:focus")).ToHaveCountAsync(1);
        var progress = dialog.GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = "本期进展" });
        await TabToAsync(page, progress, 10);
        await page.Keyboard.TypeAsync("键盘报送：已完成制度修订。");

        var unlabelled = await dialog.EvaluateAsync<string[]>(
            """
            d => [...d.querySelectorAll('input, textarea')]
                .filter(e => e.type !== 'hidden' && e.type !== 'file' && e.offsetParent !== null)
                .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                .map(e => e.outerHTML)
            """);
        Assert.Empty(unlabelled);
        Assert.True(await dialog.Locator("textarea:visible, input:visible").CountAsync() >= 3, "the form's fields were not found");

        await TabToAsync(page, dialog.GetByTestId("step-submit"), 15);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "已办理“报送进展”" }).First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("键盘报送：已完成制度修订。");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as someone without a mouse would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int most)
    {
        for (var presses = 0; !await target.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            Assert.True(presses < most, $"{most} presses of Tab did not reach {target}");
            await page.Keyboard.PressAsync("Tab");
        }
    }

    private async Task<ItemListDto> DemoItemAsync()
    {
        var office = await host.ApiAsAsync("office");
        var department = (await office.GetFromJsonAsync<List<DepartmentDto>>("/api/departments", LedgerApiFactory.Json))!.Single(d => d.Name == "办公室");
        var leader = (await office.GetFromJsonAsync<List<PersonDto>>("/api/people?leadersOnly=true", LedgerApiFactory.Json))!.Single(p => p.Name == "李明");
        var candidates = await office.GetFromJsonAsync<PagedResult<ItemListDto>>(
            $"/api/items?status=NotStarted&leadDepartmentId={department.Id}&responsibleLeaderId={leader.Id}&pageSize=200", LedgerApiFactory.Json);
        foreach (var candidate in candidates!.Items)
        {
            var detail = (await office.GetFromJsonAsync<ItemDetailDto>($"/api/items/{candidate.Id}", LedgerApiFactory.Json))!;
            if (detail.Measures.Any(m => m.EvidenceRequired) || detail.Extensions.Any(e => e.Decision == ExtensionDecision.Pending))
            {
                continue;
            }

            var version = candidate.Version;
            foreach (var measure in detail.Measures.Where(m => m.CompletedOn is null))
            {
                version = (await (await office.PostJsonAsync($"/api/items/{candidate.Id}/measures/{measure.Id}/complete", new { version })).ReadAsync<ItemState>()).Version;
            }

            return candidate;
        }

        throw new InvalidOperationException("The demo ledger has no item of 办公室 not started under 李明 without an evidence checklist.");
    }

    // Nothing scrolls sideways, on an office PC or a phone.
    private static async Task AssertFitsAsync(IPage page, int screen)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= screen, $"the item page is {width}px wide on a {screen}px screen");
    }
}
