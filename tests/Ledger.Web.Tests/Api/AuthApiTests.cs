using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Application.Common.Security;
using Ledger.Application.Users;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Api;

/// <summary>Sign-in, lockout, first-password change, accounts opened by the administrator, cookie and bearer.</summary>
public sealed class AuthApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _admin = factory.ClientFor(Roles.Admin, userName: "admin-test");

    [Fact]
    public async Task Without_signing_in_only_health_and_sign_in_answer()
    {
        var anonymous = factory.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var problem = await (await anonymous.GetAsync("/api/items")).ProblemAsync(401);
        Assert.Equal("未登录或登录已过期", problem.GetProperty("title").GetString());
        await (await anonymous.PostJsonAsync("/api/departments", new { name = "办公室" })).ProblemAsync(401);
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        await (await factory.Anonymous().PostJsonAsync("/api/auth/register", new { email = "x@example.com", password = "Test@2025x" })).ProblemAsync(401);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostJsonAsync("/api/auth/register", new { email = "x@example.com", password = "Test@2025x" })).StatusCode);
    }

    [Fact]
    public async Task An_account_opened_by_the_administrator_must_change_its_password_before_anything_else()
    {
        var department = await (await _admin.PostJsonAsync("/api/departments", new { name = "政治部" })).ReadAsync<Application.Common.Saved>();
        var created = await _admin.PostJsonAsync("/api/users", new
        {
            userName = "chenli",
            displayName = "陈立",
            roles = new[] { Roles.DepartmentHead },
            departmentId = department.Id,
            password = "Init@2025",
        });
        var user = await created.ReadAsync<UserDto>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["部门负责人"], user.RoleNames);
        Assert.Equal(("政治部", true), (user.DepartmentName, user.MustChangePassword));

        var client = await SignInAsync("chenli", "Init@2025");
        var refused = await (await client.GetAsync("/api/items")).ProblemAsync(403);
        Assert.Equal("请先修改密码", refused.GetProperty("title").GetString());
        Assert.True((await client.GetFromJsonAsync<UserDto>("/api/auth/me", LedgerApiFactory.Json))!.MustChangePassword);

        var weak = await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = "Init@2025", newPassword = "short" })).ProblemAsync(400);
        Assert.Contains("至少 8 位", weak.GetProperty("errors").GetProperty("newPassword")[0].GetString(), StringComparison.Ordinal);
        var wrong = await (await client.PostJsonAsync("/api/auth/password", new { currentPassword = "nope", newPassword = "Mine@2025x" })).ProblemAsync(400);
        Assert.Equal("当前密码不正确。", wrong.GetProperty("errors").GetProperty("currentPassword")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/auth/password", new { currentPassword = "Init@2025", newPassword = "Mine@2025x" })).StatusCode);

        var signedInAgain = await SignInAsync("chenli", "Mine@2025x");
        Assert.Equal(HttpStatusCode.OK, (await signedInAgain.GetAsync("/api/items")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().AuditRecords.AsNoTracking()
            .Where(a => (a.Action == "CreateUser" || a.Action == "ChangePassword") && a.Actor != "系统初始化").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.DoesNotContain("AQAAAA", a.Changes, StringComparison.Ordinal));
        Assert.Contains("（已更改）", audit[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_administrator_resets_it()
    {
        var user = factory.CreateUser("locked-out", Roles.DepartmentStaff);

        for (var i = 0; i < 5; i++)
        {
            var failed = await (await LoginAsync("locked-out", "Wrong@2025")).ProblemAsync(401);
            Assert.Equal("登录失败", failed.GetProperty("title").GetString());
        }

        // Locked, the right password is refused in the words of a wrong one: the answer does not confirm the account.
        var refused = await (await LoginAsync("locked-out", LedgerApiFactory.Password)).ProblemAsync(401);
        Assert.Equal("登录失败", refused.GetProperty("title").GetString());
        var locked = await AccountAsync("locked-out");
        Assert.NotNull(locked.LockedOutUntil);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostJsonAsync($"/api/users/{user.Id}/password-reset", new { locked.Version, newPassword = "Reset@2025" })).StatusCode);
        var client = await SignInAsync("locked-out", "Reset@2025");
        await (await client.GetAsync("/api/items")).ProblemAsync(403);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_or_refresh_its_token()
    {
        var user = factory.CreateUser("leaving", Roles.Supervisor);
        var tokens = await (await LoginAsync("leaving", LedgerApiFactory.Password)).ReadAsync<JsonElement>();
        var renewed = await (await factory.Anonymous().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() })).ReadAsync<JsonElement>();
        var refreshToken = renewed.GetProperty("refreshToken").GetString();

        await (await _admin.PutJsonAsync($"/api/users/{user.Id}", new
        {
            (await AccountAsync("leaving")).Version,
            userName = "leaving",
            displayName = "leaving",
            roles = new[] { Roles.Supervisor },
            isActive = false,
        })).ReadAsync<UserDto>();

        await (await LoginAsync("leaving", LedgerApiFactory.Password)).ProblemAsync(401);
        await (await factory.Anonymous().PostJsonAsync("/api/auth/refresh", new { refreshToken })).ProblemAsync(401);
    }

    [Fact]
    public async Task Two_administrators_changing_an_account_from_the_same_read_the_second_is_refused_with_the_current_version_and_saves_nothing()
    {
        factory.CreateUser("contested", Roles.Supervisor, displayName: "原姓名");
        var read = await AccountAsync("contested");

        var first = await (await _admin.PutJsonAsync($"/api/users/{read.Id}", Change(read, "第一位管理员改的姓名", isActive: true))).ReadAsync<UserDto>();
        var second = await (await _admin.PutJsonAsync($"/api/users/{read.Id}", Change(read, "第二位管理员改的姓名", isActive: false))).ProblemAsync(409);
        var reset = await (await _admin.PostJsonAsync($"/api/users/{read.Id}/password-reset", new { read.Version, newPassword = "Reset@2025" })).ProblemAsync(409);
        var unversioned = await (await _admin.PutJsonAsync($"/api/users/{read.Id}", new { userName = "contested", displayName = "无版本", roles = read.Roles })).ProblemAsync(400);

        Assert.NotEqual(read.Version, first.Version);
        Assert.Equal(first.Version, second.GetProperty("currentVersion").GetGuid());
        Assert.Equal("该记录已被他人修改，请刷新后查看最新内容再操作。", second.GetProperty("detail").GetString());
        Assert.Equal(first.Version, reset.GetProperty("currentVersion").GetGuid());
        Assert.True(unversioned.GetProperty("errors").TryGetProperty("version", out _));
        var saved = await AccountAsync("contested");
        Assert.Equal(("第一位管理员改的姓名", true, first.Version), (saved.DisplayName, saved.IsActive, saved.Version));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("contested", LedgerApiFactory.Password)).StatusCode);

        static object Change(UserDto user, string displayName, bool isActive) =>
            new { user.Version, user.UserName, displayName, user.Roles, isActive };
    }

    [Fact]
    public async Task The_browser_signs_in_with_a_cookie_and_out_again()
    {
        factory.CreateUser("cookie-user", Roles.Office);
        var handler = new CookieContainer();
        var browser = factory.CreateDefaultClient(new CookieHandler(handler));
        browser.DefaultRequestHeaders.Authorization = null;

        var login = await browser.PostJsonAsync("/api/auth/login?useCookies=true", new { userName = "cookie-user", password = LedgerApiFactory.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = handler.GetCookies(browser.BaseAddress!).Single(c => c.Name == "Ledger.Auth");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/items")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/auth/logout", null)).StatusCode);
        await (await browser.GetAsync("/api/items")).ProblemAsync(401);
    }

    [Fact]
    public async Task Only_the_administrator_manages_accounts()
    {
        var office = factory.CreateClient();

        await (await office.GetAsync("/api/users")).ProblemAsync(403);
        await (await office.PostJsonAsync("/api/users", new { userName = "x", displayName = "x", roles = new[] { Roles.Admin }, password = "Test@2025" })).ProblemAsync(403);
        var invalid = await (await _admin.PostJsonAsync("/api/users", new { userName = "张三", displayName = "", roles = new[] { "Boss", Roles.Leader }, password = "Test@2025" })).ProblemAsync(400);
        Assert.Equal(["displayName", "personId", "roles", "userName"], invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    private async Task<UserDto> AccountAsync(string userName) =>
        (await _admin.GetFromJsonAsync<List<UserDto>>("/api/users", LedgerApiFactory.Json))!.Single(u => u.UserName == userName);

    private Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        factory.Anonymous().PostJsonAsync("/api/auth/login", new { userName, password });

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var token = (await (await LoginAsync(userName, password)).ReadAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Keeps cookies across requests, as a browser does; the test server has no cookie handling of its own.</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (cookies.GetCookieHeader(request.RequestUri!) is { Length: > 0 } header)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    cookies.SetCookies(request.RequestUri!, value);
                }
            }

            return response;
        }
    }
}
