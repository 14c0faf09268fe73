using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Domain.Common;
using Ledger.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

[Collection(nameof(SharedBrowser))]
public sealed class AuditTests(BrowserHost host)
{
    [Fact]
    public async Task A_supervisor_goes_from_an_item_to_its_audit_records_and_reads_what_each_step_changed()
    {
        var office = await host.ApiAsAsync("office");
        var item = (await office.GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?status=NotStarted&pageSize=1&sort=Number&descending=true", LedgerApiFactory.Json))!.Items[0];
        (await office.PostJsonAsync($"/api/items/{item.Id}/start", new { version = item.Version })).EnsureSuccessStatusCode();

        var page = await ItemPage.OpenAsync(host, "jijian", item.Id);
        await Expect(page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "主菜单" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "审计记录" })).ToBeVisibleAsync();
        await page.GetByTestId("item-audit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.Address, $"/audit?entityId={item.Id}").ToString());
        var started = page.GetByTestId("audit-record").Filter(new LocatorFilterOptions { HasText = "启动整改" });
        await Expect(started).ToHaveCountAsync(1);
        await started.Locator("summary").ClickAsync();
        await Expect(started).ToContainTextAsync("整改状态：未启动 → 整改中");
        await Expect(started).ToContainTextAsync("新增事项记录");
        await BrowserHost.ScreenshotAsync(page, "audit");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"the audit page is {width}px wide on a 1366px screen");
    }

    [Fact]
    public async Task A_supervisor_finds_a_moved_deadline_by_the_deadline_filter_and_reads_it_on_a_phone()
    {
        var office = await host.ApiAsAsync("office");
        var item = (await office.GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?status=InProgress&pageSize=200", LedgerApiFactory.Json))!.Items
            .First(i => i is { DueDate: not null, IsLongTerm: false, LeadDepartmentId: not null });
        var detail = (await office.GetFromJsonAsync<ItemDetailDto>($"/api/items/{item.Id}", LedgerApiFactory.Json))!;
        var moved = item.DueDate!.Value.AddDays(30);
        (await office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            leadDepartmentId = item.LeadDepartmentId,
            coDepartmentIds = detail.CoDepartments.Select(d => d.Id),
            responsibleLeaderId = item.ResponsibleLeaderId,
            responsiblePersonId = item.ResponsiblePersonId,
            dueDate = moved,
            reason = "需待上级批复后实施",
        })).EnsureSuccessStatusCode();

        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), "jijian");
        await page.GotoAsync("/audit");
        await BrowserHost.WaitInteractiveAsync(page);
        await page.GetByLabel("只看时限调整").CheckAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.Address, "/audit?deadlineChanges=true").ToString());
        var record = page.GetByTestId("audit-record").Filter(new LocatorFilterOptions { HasText = item.RoundTag });
        await Expect(record).ToHaveCountAsync(1);
        await Expect(record.GetByTestId("audit-subject")).ToContainTextAsync($"{item.RoundTag}「{item.Title}」");
        await record.Locator("summary").ClickAsync();
        await Expect(record).ToContainTextAsync("变更类型：调整时限");
        await Expect(record).ToContainTextAsync($"新值：{ChinaCalendar.Format(moved)}");
        await Expect(record).Not.ToContainTextAsync(item.Id.ToString());

        // The same records on a phone: one card each, nothing wider than the screen.
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator(".audit-table thead")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("audit-actor")).ToBeVisibleAsync();
        await Expect(record.GetByTestId("audit-subject")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "audit-deadline-changes-phone");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the audit page is {width}px wide on a 390px screen");
    }
}
