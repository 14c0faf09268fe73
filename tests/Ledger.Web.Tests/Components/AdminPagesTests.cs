using Bunit;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Settings;
using Ledger.Application.Users;
using Ledger.Infrastructure.Identity;
using Ledger.Web.Components.Layout;
using Ledger.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Components;

public sealed class AdminPagesTests(LedgerApiFactory host) : HostPageContext(host), IClassFixture<LedgerApiFactory>
{
    [Fact]
    public async Task An_administrator_opens_an_account_sees_it_in_the_table_and_is_shown_the_password_to_hand_over()
    {
        await SignInToHostAsync(Roles.Admin);
        var (dialogs, _) = RenderProviders();
        var page = Render<Users>();

        page.WaitForElement("[data-testid=create-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-display-name]").Change("王晓燕");
        dialogs.Find("input[data-testid=user-login]").Change("wangxy");
        dialogs.Find($"input[data-testid=role-{Roles.Office}]").Change(true);
        dialogs.Find("#user-form").Submit();

        page.WaitForAssertion(() => Assert.Contains(
            page.FindAll("[data-testid=users] tbody tr"),
            r => r.QuerySelector("[data-testid=user-login]")?.TextContent == "wangxy" && r.QuerySelector("[data-testid=user-roles]")?.TextContent == "整改办"));
        var password = page.Find("[data-testid=handover-password]").TextContent;
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LedgerUser>>();
        var created = await users.FindByNameAsync("wangxy");
        Assert.True(await users.CheckPasswordAsync(created!, password));
        Assert.True(created!.MustChangePassword);
        Assert.Equal("王晓燕", created.DisplayName);
    }

    [Fact]
    public async Task A_value_the_server_refuses_is_worded_in_Chinese_under_its_own_field_and_the_typed_values_stay()
    {
        await SignInToHostAsync(Roles.Admin);
        var (dialogs, _) = RenderProviders();
        var page = Render<Users>();

        page.WaitForElement("[data-testid=create-user]").Click();
        dialogs.WaitForElement("input[data-testid=user-display-name]").Change("李四");
        dialogs.Find("input[data-testid=user-login]").Change("李四");
        dialogs.Find($"input[data-testid=role-{Roles.Leader}]").Change(true);
        dialogs.Find("#user-form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains(
            "登录名只能包含字母、数字和 . _ -。", FieldOf(dialogs, "input[data-testid=user-login]"), StringComparison.Ordinal));
        Assert.Contains("领导账号须对应人员名单中的一位领导", FieldOf(dialogs, "[data-testid=user-person]"), StringComparison.Ordinal);
        Assert.DoesNotContain("登录名", FieldOf(dialogs, "input[data-testid=user-display-name]"), StringComparison.Ordinal);
        Assert.Equal("李四", dialogs.Find("input[data-testid=user-display-name]").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=handover]"));
    }

    [Fact]
    public async Task Saving_an_account_someone_else_changed_meanwhile_shows_the_conflict_keeps_the_typed_values_and_saves_them_next_time()
    {
        Host.CreateUser("edited-twice", Roles.Supervisor, displayName: "原来的姓名");
        await SignInToHostAsync(Roles.Admin);
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.NotNull(UserRowOf(page, "edited-twice")));
        UserRowOf(page, "edited-twice")!.QuerySelector("[data-testid=edit-user]")!.Click();
        dialogs.WaitForElement("input[data-testid=user-display-name]").Change("本管理员填写的姓名");
        var other = Host.ClientFor(Roles.Admin, userName: "other-admin");
        var read = (await (await other.GetAsync("/api/users")).ReadAsync<List<UserDto>>()).Single(u => u.UserName == "edited-twice");
        (await other.PutJsonAsync($"/api/users/{read.Id}", new { read.Version, read.UserName, displayName = "另一位管理员改的姓名", read.Roles, isActive = true }))
            .EnsureSuccessStatusCode();

        dialogs.Find("#user-form").Submit();

        dialogs.WaitForElement("[data-testid=user-conflict]");
        Assert.Contains("该记录已被他人修改", snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal("本管理员填写的姓名", dialogs.Find("input[data-testid=user-display-name]").GetAttribute("value"));
        dialogs.Find("#user-form").Submit();
        page.WaitForAssertion(() => Assert.Equal(
            "本管理员填写的姓名", UserRowOf(page, "edited-twice")?.QuerySelector("[data-testid=user-display-name]")?.TextContent));

        // The dialog closes once the saved account is read back, which a loaded machine may take a while to do.
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=user-conflict]")), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(Roles.Admin, new[] { "/admin/users", "/admin/departments", "/admin/calendar", "/admin/settings" })]
    [InlineData(Roles.Office, new[] { "/admin/departments", "/admin/settings" })]
    [InlineData(Roles.DepartmentStaff, new string[0])]
    public async Task The_administration_menu_offers_only_the_pages_whose_requests_the_user_may_send(string role, string[] pages)
    {
        await SignInToHostAsync(role);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/users");

        var menu = Render<AdminMenu>();

        Assert.Equal(pages, menu.FindAll("a[href^='/admin/']").Select(a => a.GetAttribute("href")));
        Assert.Equal(pages.Length > 0, menu.FindAll("[data-testid=admin-menu]").Count > 0);
    }

    [Fact]
    public async Task The_users_page_reached_by_someone_else_shows_the_servers_refusal_and_offers_nothing()
    {
        await SignInToHostAsync(Roles.DepartmentStaff);
        RenderProviders();

        var page = Render<Users>();

        Assert.Equal("您没有权限进行此操作。", page.WaitForElement("[data-testid=users-refused]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=create-user]"));
        Assert.Empty(page.FindAll("[data-testid=users]"));
    }

    [Fact]
    public async Task Marking_a_Saturday_as_a_worked_day_changes_the_year_view_and_its_count_of_working_days()
    {
        await SignInToHostAsync(Roles.Admin);
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<WorkingCalendar>();
        const string saturday = "button[data-date='2025-03-15']";
        Assert.Contains("cal-off", page.WaitForElement(saturday).ClassName, StringComparison.Ordinal);
        var workingDays = page.Find("[data-testid=working-days]").TextContent;

        page.Find(saturday).Click();
        dialogs.WaitForElement("input[data-testid=calendar-name]").Change("单位调休上班");
        dialogs.Find("#calendar-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("cal-workday", page.Find(saturday).ClassName, StringComparison.Ordinal));
        Assert.Contains("单位调休上班（调休上班）", page.Find(saturday).GetAttribute("title"), StringComparison.Ordinal);
        Assert.NotEqual(workingDays, page.Find("[data-testid=working-days]").TextContent);
        Assert.Contains("已保存2025年3月15日的安排。", snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_in_use_is_not_deleted_and_the_servers_refusal_is_shown_in_Chinese()
    {
        var office = Host.CreateClient();
        var department = await (await office.PostJsonAsync("/api/departments", new { name = "案件管理部" })).ReadAsync<Saved>();
        (await office.PostJsonAsync("/api/people", new { name = "赵明", departmentId = department.Id, isLeader = false })).EnsureSuccessStatusCode();
        await SignInToHostAsync(Roles.Admin);
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<Departments>();

        page.WaitForAssertion(() => Assert.NotNull(RowOf(page, "案件管理部")));
        RowOf(page, "案件管理部")!.QuerySelector("[data-testid=delete-department]")!.Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "删除").Click());

        snackbars.WaitForAssertion(() => Assert.Contains("该部门已被1处台账记录引用，不能删除，可改为停用。", snackbars.Markup, StringComparison.Ordinal));
        Assert.NotNull(RowOf(page, "案件管理部"));
    }

    [Fact]
    public async Task Saving_reminder_settings_after_someone_else_shows_the_conflict_keeps_the_typed_offsets_and_saves_them_next_time()
    {
        await SignInToHostAsync(Roles.Office);
        var (_, snackbars) = RenderProviders();
        var page = Render<Settings>();
        page.WaitForElement("input[data-testid=due-soon-offsets]").Change("10、2");
        page.Find("input[data-testid=principal-days]").Change(string.Empty);
        var office = Host.CreateClient();
        var current = await (await office.GetAsync("/api/reminders/settings")).ReadAsync<ReminderSettingsDto>();
        await (await office.PutJsonAsync("/api/reminders/settings", UpdateFrom(current) with { EscalateAfterOverdueDays = 7, PrincipalAfterOverdueDays = null })).ReadAsync<ReminderSettingsDto>();

        page.Find("form[data-testid=reminder-form]").Submit();

        page.WaitForElement("[data-testid=reminder-conflict]");
        Assert.Contains("该记录已被他人修改", snackbars.Markup, StringComparison.Ordinal);
        Assert.Contains("超期7个工作日提醒责任领导和整改办", page.Find("[data-testid=reminder-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal("10、2", page.Find("input[data-testid=due-soon-offsets]").GetAttribute("value"));
        page.Find("form[data-testid=reminder-form]").Submit();
        page.WaitForAssertion(() => Assert.Contains(
            "整改时限前10、2个工作日", page.Find("[data-testid=reminder-summary]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=reminder-conflict]"));
    }

    private static UpdateReminderSettingsCommand UpdateFrom(ReminderSettingsDto settings) => new(
        settings.Version,
        settings.DueSoonOffsets,
        settings.EscalateAfterOverdueDays,
        settings.PrincipalAfterOverdueDays,
        settings.PrincipalLeaderPersonId,
        settings.LongTermReviewMonths,
        settings.LeaderDigestDay,
        settings.ProgressReminderDay,
        settings.ProgressStaleDays,
        settings.RemindOnNonWorkingDays);

    /// <summary>The text of the form field holding <paramref name="selector"/>: its label, value and the messages under it.</summary>
    private static string FieldOf(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string selector) =>
        dialogs.Find(selector).Closest(".mud-input-control")!.TextContent;

    private static AngleSharp.Dom.IElement? UserRowOf(IRenderedComponent<Users> page, string userName) =>
        page.FindAll("[data-testid=users] tbody tr").FirstOrDefault(r => r.QuerySelector("[data-testid=user-login]")?.TextContent == userName);

    private static AngleSharp.Dom.IElement? RowOf(IRenderedComponent<Departments> page, string name) =>
        page.FindAll("[data-testid=departments] tbody tr").FirstOrDefault(r => r.QuerySelector("[data-testid=department-name]")?.TextContent == name);
}
