using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

/// <summary>
/// Each role's daily job on the demo ledger, from signing in, counting the clicks it takes (typing is not a click):
/// the office gives five items their 分工 in one go, a department head asks for 销号, a leader approves from the
/// dashboard. A host of its own, as the jobs change the demo ledger.
/// </summary>
public sealed class DailyWorkTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    private int _clicks;

    [Fact]
    public async Task The_office_assigns_the_five_items_waiting_in_one_go()
    {
        var page = await SignInAsync("office");
        await Expect(page).ToHaveURLAsync(new Regex("/my-work$"));
        var waiting = page.Locator("[data-testid=my-work-group][data-kind=Unassigned]");
        await Expect(waiting.GetByTestId("group-count")).ToHaveTextAsync("5");

        await ClickAsync(waiting.GetByTestId("group-ledger"));
        await Expect(page).ToHaveURLAsync(new Regex(@"/items\?unassigned=true&sort=Deadline$"));
        await BrowserHost.WaitInteractiveAsync(page);
        var grid = page.GetByTestId("ledger-grid");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(5);
        await ClickAsync(grid.Locator("thead input[type=checkbox]"));
        await Expect(page.GetByTestId("assign-selected")).ToContainTextAsync("已选5项");
        await ClickAsync(page.GetByTestId("assign-selected"));

        var dialog = ItemPage.Dialog(page);
        await ChooseAsync(page, dialog.GetByTestId("field-leader"), "李明");
        await ChooseAsync(page, dialog.GetByTestId("field-lead-department"), "办公室");

        // 责任人 offers the chosen department's staff only, leaders never.
        await ClickAsync(dialog.GetByTestId("field-person"));
        var people = await page.Locator(".mud-popover-open .mud-list-item").AllInnerTextsAsync();
        Assert.Equal(["周敏（办公室）"], people.Select(p => p.Trim()));
        await ClickAsync(page.Locator(".mud-popover-open").GetByText("周敏（办公室）", new LocatorGetByTextOptions { Exact = true }));
        await Expect(page.Locator(".mud-popover-open .mud-list")).ToHaveCountAsync(0);
        var deadline = dialog.GetByLabel("整改时限", new LocatorGetByLabelOptions { Exact = true });
        await deadline.FillAsync("2025年3月31日");
        await deadline.PressAsync("Tab");
        await Expect(dialog.GetByTestId("assign-items-summary")).ToHaveTextAsync("将设定：责任领导 李明；牵头部门 办公室；责任人 周敏（办公室）；整改时限 2025年3月31日。");
        await BrowserHost.ScreenshotAsync(page, "assign-items");
        await ClickAsync(dialog.GetByTestId("assign-items-submit"));

        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "已为5项事项完成分工。" })).ToBeVisibleAsync();
        await Expect(grid).ToContainTextAsync("没有符合条件的事项。");
        var assigned = await (await host.ApiAsAsync("office")).GetFromJsonAsync<PagedResult<ItemListDto>>(
            "/api/items?leadDepartmentId=" + await DepartmentAsync("办公室") + "&pageSize=200", LedgerApiFactory.Json);
        Assert.Equal(5, assigned!.Items.Count(i => i.DueDate == new DateOnly(2025, 3, 31) && i.ResponsiblePersonName == "周敏" && i.ResponsibleLeaderName == "李明"));
        Report("整改办：5项批量分工");
        Assert.True(_clicks <= 12, $"{_clicks} clicks");

        // Then the department's ledger to Excel: every item of 办公室 a row, each with its round's 简称.
        await page.GotoAsync($"/items?leadDepartmentId={await DepartmentAsync("办公室")}&sort=Deadline");
        await BrowserHost.WaitInteractiveAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        using var workbook = new MemoryStream();
        await (await download.CreateReadStreamAsync()).CopyToAsync(workbook);
        workbook.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: false).Cast<IDictionary<string, object?>>().Skip(2).ToList();
        Assert.Equal(assigned.TotalCount, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"^\d{4}年", r["K"]?.ToString()));
    }

    [Fact]
    public async Task A_department_head_goes_from_sign_in_to_a_close_out_request()
    {
        var page = await SignInAsync("zhoumin");
        await Expect(page).ToHaveURLAsync(new Regex("/my-work$"));
        var menuCount = page.GetByTestId("nav-my-work-count");
        var summary = await page.GetByTestId("my-work-summary").InnerTextAsync();
        await Expect(menuCount).ToHaveTextAsync(Regex.Match(summary, @"\d+").Value);

        var ready = page.Locator("[data-testid=my-work-group][data-kind=ReadyForCloseOut]");
        var title = await ready.GetByTestId("work-item").First.InnerTextAsync();
        await ClickAsync(ready.GetByTestId("work-item").First);
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("item-title")).ToContainTextAsync(title);
        await ClickAsync(page.GetByTestId("action-request-close-out"));
        await ItemPage.Dialog(page).GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = "整改完成情况" }).FillAsync("措施已全部落实，制度已印发执行。");
        _clicks++;
        await ItemPage.SubmitAsync(host, page, "事项现为销号申请中");

        await Expect(ItemPage.Status(page)).ToHaveTextAsync("销号申请中");
        Report("部门负责人：登录到提交销号申请");
        Assert.True(_clicks <= 4, $"{_clicks} clicks");
    }

    [Fact]
    public async Task A_leader_approves_a_close_out_from_the_dashboard()
    {
        var page = await SignInAsync("liming");
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        var approvals = page.GetByTestId("approvals");
        await Expect(approvals.GetByTestId("approval-item").First).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "dashboard-approvals");
        var waiting = int.Parse(await approvals.GetByTestId("approvals-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await ClickAsync(approvals.Locator("[data-kind=CloseOutToApprove]").GetByTestId("approval-item").First);
        await BrowserHost.WaitInteractiveAsync(page);
        await ClickAsync(page.GetByTestId("action-decide-close-out"));
        await ClickAsync(ItemPage.Dialog(page).GetByText("批准销号", new LocatorGetByTextOptions { Exact = true }));
        _clicks++;
        await ItemPage.SubmitAsync(host, page, "事项现为已销号");
        await Expect(ItemPage.Status(page)).ToHaveTextAsync("已销号");

        await page.GotoAsync("/");
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("approvals-count")).ToHaveTextAsync($"{waiting - 1}");
        Report("领导：登录到批准销号");
        Assert.True(_clicks <= 5, $"{_clicks} clicks");
    }

    /// <summary>Signs in as a person does: the page, the two fields, the button (one click).</summary>
    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SubmitSignInAsync(page, userName, BrowserHost.DemoPassword);
        _clicks++;
        await BrowserHost.WaitInteractiveAsync(page);
        return page;
    }

    private async Task ClickAsync(ILocator target)
    {
        await target.ClickAsync();
        _clicks++;
    }

    /// <summary>Opens a MudSelect and picks the option with this text from its list: two clicks.</summary>
    private async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await ClickAsync(select);
        await ClickAsync(page.Locator(".mud-popover-open").GetByText(option, new LocatorGetByTextOptions { Exact = true }));
        await Expect(page.Locator(".mud-popover-open .mud-list")).ToHaveCountAsync(0);
    }

    private async Task<Guid> DepartmentAsync(string name) =>
        (await (await host.ApiAsAsync("office")).GetFromJsonAsync<List<Application.Organisation.DepartmentDto>>("/api/departments", LedgerApiFactory.Json))!
            .Single(d => d.Name == name).Id;

    private void Report(string job) => output.WriteLine($"{job}：{_clicks}次点击");
}
