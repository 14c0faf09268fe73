using Bunit;
using Ledger.Application.Common.Security;
using Ledger.Web.Components.Pages;
using Ledger.Web.Tests.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Components;

/// <summary>审计记录 read through the real host: what the office did, as a supervisor finds it, filtered by the address.</summary>
public sealed class AuditPageTests(LedgerApiFactory host) : HostPageContext(host), IClassFixture<LedgerApiFactory>
{
    [Fact]
    public async Task A_supervisor_finds_what_the_office_did_with_its_values_and_narrows_it_by_action_and_day()
    {
        var name = $"审计部门-{Guid.NewGuid():N}";
        await new Ledgers(Host.CreateClient()).DepartmentAsync(name);
        await SignInToHostAsync(Roles.Supervisor);
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/audit?action=CreateDepartment&from=2025-01-16&to=2025-01-16");

        var page = Render<Audit>();

        var record = page.WaitForElements("[data-testid=audit-record]").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.All(page.FindAll("[data-testid=audit-action-text]"), a => Assert.Equal("新增部门", a.TextContent));
        Assert.Contains("2025年1月16日 10:", record.TextContent, StringComparison.Ordinal);
        Assert.Contains(LedgerApiFactory.OfficeUser, record.TextContent, StringComparison.Ordinal);
        Assert.Contains("新增部门", record.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"名称：{name}", record.QuerySelector(".audit-values")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/api/audit/export?action=CreateDepartment&from=2025-01-16&to=2025-01-16", page.Find("[data-testid=audit-export]").GetAttribute("href"));

        // A filter is an address: typing who acted keeps the others.
        // The page navigates once its handler has run, which awaits the host: on a busy server that is not at once.
        page.Find("input[data-testid=audit-actor]").Change(LedgerApiFactory.OfficeUser);
        page.WaitForAssertion(() => Assert.Equal(
            $"http://localhost/audit?actor={Uri.EscapeDataString(LedgerApiFactory.OfficeUser)}&action=CreateDepartment&from=2025-01-16&to=2025-01-16",
            Services.GetRequiredService<NavigationManager>().Uri));
        page.WaitForAssertion(() => Assert.Equal(LedgerApiFactory.OfficeUser, page.Find("input[data-testid=audit-actor]").GetAttribute("value")));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=audit-record]"), r => r.TextContent.Contains(name, StringComparison.Ordinal)));

        // Clearing a filter drops it from the address, and only it.
        page.Find("input[data-testid=audit-actor]").Change(string.Empty);
        page.WaitForAssertion(() => Assert.Equal(
            "http://localhost/audit?action=CreateDepartment&from=2025-01-16&to=2025-01-16", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public async Task A_name_opens_that_accounts_records_only_though_another_account_has_the_same_name()
    {
        var first = Host.CreateUser($"same-name-a-{Guid.NewGuid():N}"[..20], Roles.Office, displayName: "同名整改办");
        var second = Host.CreateUser($"same-name-b-{Guid.NewGuid():N}"[..20], Roles.Office, displayName: "同名整改办");
        await new Ledgers(Host.ClientFor(Roles.Office, userName: first.UserName)).DepartmentAsync($"甲建的部门-{Guid.NewGuid():N}");
        await new Ledgers(Host.ClientFor(Roles.Office, userName: second.UserName)).DepartmentAsync($"乙建的部门-{Guid.NewGuid():N}");
        await SignInToHostAsync(Roles.Supervisor);
        RenderProviders();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/audit?action=CreateDepartment");
        var page = Render<Audit>();

        // Each record's name links to its own account, not to whoever else bears the name.
        var links = page.WaitForElements("[data-testid=audit-actor-link]").Where(a => a.TextContent.Trim() == "同名整改办").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/audit?actorId={second.Id}", $"/audit?actorId={first.Id}"], links.Take(2));

        navigation.NavigateTo($"/audit?actorId={first.Id}");
        page.WaitForAssertion(() => Assert.Contains("只看账号：同名整改办", page.Find("[data-testid=audit-account]").TextContent, StringComparison.Ordinal));
        var records = page.FindAll("[data-testid=audit-record]");
        Assert.Contains(records, r => r.TextContent.Contains("甲建的部门", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.TextContent.Contains("乙建的部门", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_day_without_records_says_so()
    {
        await SignInToHostAsync(Roles.Supervisor);
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/audit?from=2025-01-17");

        var page = Render<Audit>();

        page.WaitForAssertion(() => Assert.Contains("没有符合条件的审计记录。", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_department_head_is_told_whom_the_records_are_for_and_shown_none()
    {
        await SignInToHostAsync(Roles.DepartmentHead, Guid.NewGuid());
        RenderProviders();

        var page = Render<Audit>();

        page.WaitForAssertion(() => Assert.Contains("审计记录供纪检监察、整改办和系统管理员查看。", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=audit-record]"));
        Assert.Empty(page.FindAll("[data-testid=audit-export]"));
    }
}
