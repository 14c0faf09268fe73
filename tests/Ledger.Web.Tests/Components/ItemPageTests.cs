using System.Security.Claims;
using Bunit;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.EvidenceFiles;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Identity;
using Ledger.Web.Components.Pages;
using Ledger.Web.Http;
using Ledger.Web.Tests.Api;
using Ledger.Web.Ui;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ledger.Web.Tests.Components;

/// <summary>
/// The item page against the real host: the steps it offers are the ones the server computes for the user's role,
/// scope and the item's status, intersected with what the user's role sends. Items are arranged through the API.
/// </summary>
public sealed class ItemPageTests : HostPageContext, IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _office;

    public ItemPageTests(LedgerApiFactory host)
        : base(host)
    {
        _office = host.CreateClient();
        Services.AddSingleton(host.Services.GetRequiredService<EvidenceOptions>());
    }

    [Fact]
    public async Task The_lead_departments_head_of_an_item_in_progress_may_report_upload_and_complete_but_not_review_or_approve()
    {
        var w = await ArrangeAsync(ItemStatus.InProgress);
        SignInAs(Roles.DepartmentHead, departmentId: w.LeadId);

        var page = RenderItem(w.Item.Id);

        var offered = Offered(page);
        Assert.Contains("report-progress", offered);
        Assert.Contains("attach-evidence", offered);
        Assert.Contains("complete-measure", offered);

        // 已完成 waits for the open measure: it is not offered only to be refused.
        Assert.DoesNotContain("completed", offered);
        Assert.Contains("request-extension", offered);
        Assert.DoesNotContain("review-close-out", offered);
        Assert.DoesNotContain("decide-close-out", offered);

        // 申请销号 waits for 已完成; the office's evidence checklist is another request of the same step.
        Assert.DoesNotContain("request-close-out", offered);
        Assert.DoesNotContain("require-evidence", offered);
        Assert.DoesNotContain("assign", offered);
        Assert.Equal("整改中", page.Find("[data-testid=item-status]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=item-audit]"));
        Assert.Contains("张局长", page.Find("[data-testid=item-assignment]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_item_is_completed_with_evidence_its_head_may_request_close_out()
    {
        var w = await ArrangeAsync(ItemStatus.Completed);
        SignInAs(Roles.DepartmentHead, departmentId: w.LeadId);

        var offered = Offered(RenderItem(w.Item.Id));

        Assert.Contains("request-close-out", offered);
        Assert.Contains("resume", offered);
        Assert.DoesNotContain("review-close-out", offered);
    }

    [Fact]
    public async Task The_office_reviews_a_close_out_request_and_is_not_offered_the_leaders_approval()
    {
        var w = await ArrangeAsync(ItemStatus.CloseOutRequested);
        SignInAs(Roles.Office);

        Assert.Equal(["report-progress", "review-close-out"], Offered(RenderItem(w.Item.Id)).Order());
    }

    [Fact]
    public async Task The_responsible_leader_approves_once_the_office_has_reviewed()
    {
        var w = await ArrangeAsync(ItemStatus.CloseOutRequested);
        var reviewed = await new Ledgers(_office).ActAsync(w.Item, "close-out/review", new { pass = true });
        SignInAs(Roles.Leader, personId: w.LeaderId);

        Assert.Equal(["decide-close-out", "instruct"], Offered(RenderItem(reviewed.Id)).Order());
    }

    [Fact]
    public async Task Before_the_review_the_responsible_leader_is_offered_only_a_instruction()
    {
        var w = await ArrangeAsync(ItemStatus.CloseOutRequested);
        SignInAs(Roles.Leader, personId: w.LeaderId);

        Assert.Equal(["instruct"], Offered(RenderItem(w.Item.Id)));
    }

    [Fact]
    public async Task A_leader_writes_an_instruction_in_a_dialog_and_it_tops_the_item_page()
    {
        var w = await ArrangeAsync(ItemStatus.InProgress);
        SignInAs(Roles.Leader, personId: w.LeaderId);
        var (dialogs, _) = RenderProviders();
        var page = Render<ItemDetail>(p => p.Add(c => c.Id, w.Item.Id));
        page.WaitForElement("[data-testid=item-actions]");
        Assert.Equal(["chase", "instruct"], Offered(page).Order());

        page.Find("[data-testid=action-instruct]").Click();
        dialogs.WaitForElement("textarea[data-testid=field-instruction]").Change("月底前完成制度修订");
        dialogs.Find("form[data-testid=step-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains(
            "月底前完成制度修订", page.Find("[data-testid=item-instructions]").TextContent, StringComparison.Ordinal));
        Assert.Contains("牵头部门未阅", page.Find("[data-testid=item-instruction]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_corrects_the_problem_in_a_form_that_starts_from_its_wording()
    {
        var w = await ArrangeAsync(ItemStatus.InProgress);
        SignInAs(Roles.Office);
        var (dialogs, _) = RenderProviders();
        var page = Render<ItemDetail>(p => p.Add(c => c.Id, w.Item.Id));
        page.WaitForElement("[data-testid=item-actions]");
        Assert.Contains("assign", Offered(page));

        page.Find("[data-testid=action-edit]").Click();
        var title = dialogs.WaitForElement("input[data-testid=field-title]");
        Assert.Equal("请示报告制度执行不严格", title.GetAttribute("value"));
        title.Change("请示报告制度执行不严格，个别事项未报告");
        dialogs.Find("form[data-testid=step-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains("个别事项未报告", page.Find("[data-testid=item-title]").TextContent, StringComparison.Ordinal));
        Assert.Equal("请示报告制度执行不严格，存在以会代学现象。", page.Find("[data-testid=item-description]").TextContent);
    }

    [Fact]
    public async Task Reassigning_starts_from_the_current_responsible_person_even_when_another_has_the_same_name()
    {
        var w = await ArrangeAsync(ItemStatus.InProgress);
        var ledgers = new Ledgers(_office);
        var name = $"王芳-{Guid.NewGuid():N}"[..10];
        await ledgers.PersonAsync(name, w.LeadId);
        var otherName = $"配合部门-{Guid.NewGuid():N}";
        var other = await ledgers.DepartmentAsync(otherName);
        var chosen = await ledgers.PersonAsync(name, other.Id);
        var detail = await ledgers.DetailAsync(w.Item.Id);
        await (await _office.PutJsonAsync($"/api/items/{w.Item.Id}/assignment", new
        {
            version = detail.Item.Version,
            leadDepartmentId = w.LeadId,
            responsibleLeaderId = w.LeaderId,
            responsiblePersonId = chosen.Id,
            dueDate = "2025-03-31",
        })).ReadAsync<ItemState>();
        SignInAs(Roles.Office);
        var (dialogs, _) = RenderProviders();
        var page = Render<ItemDetail>(p => p.Add(c => c.Id, w.Item.Id));

        page.WaitForElement("[data-testid=action-assign]").Click();

        // The namesake in the lead department is not the one the item names.
        dialogs.WaitForAssertion(() => Assert.Equal($"{name}（{otherName}）", dialogs.Find("[data-testid=field-person]").TextContent));
    }

    [Fact]
    public async Task A_measure_added_by_the_office_may_be_led_by_another_department_than_the_items()
    {
        var w = await ArrangeAsync(ItemStatus.InProgress);
        var otherName = $"配合部门-{Guid.NewGuid():N}";
        var other = await new Ledgers(_office).DepartmentAsync(otherName);
        SignInAs(Roles.Office);
        var (dialogs, _) = RenderProviders();
        var page = Render<ItemDetail>(p => p.Add(c => c.Id, w.Item.Id));

        page.WaitForElement("[data-testid=action-add-measure]").Click();
        dialogs.WaitForElement("[data-testid=field-measure-department]");
        dialogs.Find("textarea").Change("建立请示报告台账");
        var department = dialogs.FindComponents<MudSelect<Guid?>>().Single(s => s.Instance.Label == "牵头部门");
        await department.InvokeAsync(() => department.Instance.ValueChanged.InvokeAsync(other.Id));
        dialogs.Find("form[data-testid=step-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains("建立请示报告台账", page.Markup, StringComparison.Ordinal));
        var measure = (await new Ledgers(_office).DetailAsync(w.Item.Id)).Measures.Single(m => m.Text == "建立请示报告台账");
        Assert.Equal(other.Id, measure.LeadDepartmentId);
        Assert.Contains(otherName, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_reads_the_item_and_is_offered_nothing()
    {
        var w = await ArrangeAsync(ItemStatus.CloseOutRequested);
        SignInAs(Roles.Supervisor);

        var page = RenderItem(w.Item.Id);

        Assert.Empty(Offered(page));
        Assert.Equal("当前没有您可以办理的操作。", page.Find("[data-testid=no-actions]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=timeline-entry]"));
        Assert.Equal($"/audit?entityId={w.Item.Id}", page.Find("[data-testid=item-audit]").GetAttribute("href"));
    }

    [Fact]
    public async Task Another_departments_head_finds_no_such_item()
    {
        var w = await ArrangeAsync(ItemStatus.InProgress);
        var other = await new Ledgers(_office).DepartmentAsync($"其他部门-{Guid.NewGuid():N}");
        SignInAs(Roles.DepartmentHead, departmentId: other.Id);
        RenderProviders();

        var page = Render<ItemDetail>(p => p.Add(c => c.Id, w.Item.Id));

        Assert.Equal("未找到该整改事项或无权查看。", page.WaitForElement("[data-testid=item-not-found]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=item-problem]"));
    }

    [Fact]
    public async Task A_close_out_request_someone_else_overtook_reloads_the_item_keeps_the_summary_and_goes_through_on_resubmitting()
    {
        var w = await ArrangeAsync(ItemStatus.Completed);
        SignInAs(Roles.DepartmentHead, departmentId: w.LeadId);
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<ItemDetail>(p => p.Add(c => c.Id, w.Item.Id));
        page.WaitForElement("[data-testid=action-request-close-out]").Click();
        dialogs.WaitForElement("textarea[data-testid=field-summary]").Change("制度已修订并执行。");

        // The office adds a file meanwhile: the version the page read is gone.
        await (await Ledgers.UploadAsync(_office, w.Item.Id, w.Item.Version, "会议纪要.pdf", Ledgers.Pdf($"纪要-{w.Item.Id}"))).ReadAsync<ItemState>();
        dialogs.Find("form[data-testid=step-form]").Submit();

        dialogs.WaitForElement("[data-testid=step-conflict]");
        Assert.Contains("该记录已被他人修改", snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal("制度已修订并执行。", dialogs.Find("textarea[data-testid=field-summary]").GetAttribute("value"));
        dialogs.Find("form[data-testid=step-form]").Submit();

        page.WaitForAssertion(() => Assert.Equal("销号申请中", page.Find("[data-testid=item-status]").TextContent.Trim()));
        Assert.Contains("已办理“申请销号”，事项现为销号申请中。", snackbars.Markup, StringComparison.Ordinal);
        Assert.Contains("制度已修订并执行。", page.Find("[data-testid=item-close-out-summary]").TextContent, StringComparison.Ordinal);
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=step-dialog]")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Returning_a_close_out_request_without_a_reason_is_refused_under_the_reason_field()
    {
        var w = await ArrangeAsync(ItemStatus.CloseOutRequested);
        SignInAs(Roles.Office);
        var (dialogs, _) = RenderProviders();
        var page = Render<ItemDetail>(p => p.Add(c => c.Id, w.Item.Id));
        page.WaitForElement("[data-testid=action-review-close-out]").Click();
        dialogs.WaitForElement("form[data-testid=step-form]").Submit();
        Assert.Contains("请选择“通过”或“退回”。", dialogs.Markup, StringComparison.Ordinal);

        dialogs.FindAll("input[type=radio]")[1].Click();
        dialogs.Find("form[data-testid=step-form]").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("退回销号申请须填写理由。", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("[data-testid=step-error]"));
        Assert.Equal("销号申请中", page.Find("[data-testid=item-status]").TextContent.Trim());
    }

    private IRenderedComponent<ItemDetail> RenderItem(Guid id)
    {
        RenderProviders();
        var page = Render<ItemDetail>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=item-actions]");
        return page;
    }

    private static List<string> Offered(IRenderedComponent<ItemDetail> page) =>
        page.FindAll("[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")!["action-".Length..]).ToList();

    private void SignInAs(string role, Guid? departmentId = null, Guid? personId = null)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized($"{role}-测试");
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new(ClaimTypes.Role, role),
            new(LedgerClaims.DisplayName, $"{role}-测试"),
        };
        if (departmentId is { } department)
        {
            claims.Add(new Claim(LedgerClaims.Department, department.ToString()));
        }

        if (personId is { } person)
        {
            claims.Add(new Claim(LedgerClaims.Person, person.ToString()));
        }

        authorization.SetClaims([.. claims]);
    }

    /// <summary>An item of a new lead department and responsible leader, brought through the API to <paramref name="status"/>.</summary>
    private async Task<Arranged> ArrangeAsync(ItemStatus status)
    {
        var ledgers = new Ledgers(_office);
        var lead = await ledgers.DepartmentAsync($"牵头部门-{Guid.NewGuid():N}");
        var leader = await ledgers.PersonAsync($"张局长-{Guid.NewGuid():N}"[..12], isLeader: true);
        var item = await ledgers.ItemAsync("请示报告制度执行不严格");
        item = await (await _office.PostJsonAsync($"/api/items/{item.Id}/measures", new { version = item.Version, text = "修订请示报告制度" })).ReadAsync<ItemState>();
        item = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            leadDepartmentId = lead.Id,
            responsibleLeaderId = leader.Id,
            dueDate = "2025-03-31",
        })).ReadAsync<ItemState>();
        item = await ledgers.ActAsync(item, "start");
        if (status >= ItemStatus.Completed)
        {
            var measure = (await ledgers.DetailAsync(item.Id)).Measures.Single();
            item = await (await _office.PostJsonAsync($"/api/items/{item.Id}/measures/{measure.Id}/complete", new { version = item.Version })).ReadAsync<ItemState>();
            item = await (await Ledgers.UploadAsync(_office, item.Id, item.Version, "请示报告制度.pdf", Ledgers.Pdf(item.Id.ToString()))).ReadAsync<ItemState>();
            item = await ledgers.ActAsync(item, "completed");
        }

        if (status >= ItemStatus.CloseOutRequested)
        {
            item = await ledgers.ActAsync(item, "close-out/request", new { summary = "制度已修订并执行" });
        }

        return new Arranged(item, lead.Id, leader.Id);
    }

    private sealed record Arranged(ItemState Item, Guid LeadId, Guid LeaderId);
}
