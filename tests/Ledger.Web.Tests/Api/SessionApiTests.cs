using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Application.Auditing;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Users;
using Ledger.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Sessions end when they should: at sign-out, and at once when the account is disabled, its password reset or
/// changed, or its roles changed; a refresh token is good for one exchange; sign-in refusals read alike and cost alike;
/// every session event is in the audit trail under the account's id.
/// </summary>
public sealed class SessionApiTests(SessionApiTests.CountingHost factory) : IClassFixture<SessionApiTests.CountingHost>
{
    private readonly HttpClient _admin = factory.ClientFor(Roles.Admin, userName: "admin-sessions");

    [Fact]
    public async Task A_cookie_replayed_after_signing_out_is_refused()
    {
        factory.CreateUser("cookie-replay", Roles.Office);
        var browser = factory.Anonymous();
        var login = await browser.PostJsonAsync("/api/auth/login?useCookies=true", new { userName = "cookie-replay", password = LedgerApiFactory.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ledger.Auth=", StringComparison.Ordinal)).Split(';')[0];

        Assert.Equal(HttpStatusCode.OK, (await SendWithCookieAsync(HttpMethod.Get, "/api/items", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendWithCookieAsync(HttpMethod.Post, "/api/auth/logout", cookie)).StatusCode);

        await (await SendWithCookieAsync(HttpMethod.Get, "/api/items", cookie)).ProblemAsync(401);
    }

    [Fact]
    public async Task Signing_out_with_a_bearer_token_ends_it_and_its_refresh_token()
    {
        factory.CreateUser("bearer-out", Roles.Supervisor);
        var (client, tokens) = await SignInAsync("bearer-out");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        await (await client.GetAsync("/api/items")).ProblemAsync(401);
        await (await RefreshAsync(tokens)).ProblemAsync(401);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("roles")]
    [InlineData("reset")]
    public async Task An_administrators_change_ends_the_accounts_tokens_at_once(string change)
    {
        var user = factory.CreateUser($"changed-{change}", Roles.Supervisor);
        var (client, tokens) = await SignInAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/items")).StatusCode);
        var account = (await _admin.GetFromJsonAsync<List<UserDto>>("/api/users", LedgerApiFactory.Json))!.Single(u => u.Id == user.Id);

        var changed = change == "reset"
            ? await _admin.PostJsonAsync($"/api/users/{user.Id}/password-reset", new { account.Version, newPassword = "Reset@2025" })
            : await _admin.PutJsonAsync($"/api/users/{user.Id}", new
            {
                account.Version,
                account.UserName,
                account.DisplayName,
                roles = change == "roles" ? new[] { Roles.Office } : [Roles.Supervisor],
                isActive = change != "disabled",
            });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        await (await client.GetAsync("/api/items")).ProblemAsync(401);
        await (await RefreshAsync(tokens)).ProblemAsync(401);
    }

    [Fact]
    public async Task Changing_ones_password_ends_the_other_sessions_of_the_account()
    {
        factory.CreateUser("two-devices", Roles.Supervisor);
        var (laptop, _) = await SignInAsync("two-devices");
        var (phone, _) = await SignInAsync("two-devices");

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.PostJsonAsync("/api/auth/password", new { currentPassword = LedgerApiFactory.Password, newPassword = "Mine@2025x" })).StatusCode);

        await (await phone.GetAsync("/api/items")).ProblemAsync(401);
    }

    [Fact]
    public async Task A_refresh_token_is_good_for_one_exchange_and_a_second_ends_every_session_of_the_account()
    {
        var user = factory.CreateUser("refresh-once", Roles.Supervisor);
        var (_, first) = await SignInAsync("refresh-once");

        var second = await (await RefreshAsync(first)).ReadAsync<JsonElement>();
        var renewed = Bearer(second);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/items")).StatusCode);

        // The first token again: a copy is in use, so the renewed session ends too, and its refresh token with it.
        await (await RefreshAsync(first)).ProblemAsync(401);
        await (await renewed.GetAsync("/api/items")).ProblemAsync(401);
        await (await RefreshAsync(second)).ProblemAsync(401);

        var reuse = await AuditAsync($"actorId={user.Id}&action=RefreshTokenReused");
        Assert.Equal([("RefreshTokenReused", "刷新令牌被重复使用")], reuse.Items.Select(r => (r.Action, r.ActionText)));
    }

    [Fact]
    public async Task Token_answers_are_not_cached()
    {
        factory.CreateUser("no-store", Roles.Supervisor);

        var login = await factory.Anonymous().PostJsonAsync("/api/auth/login", new { userName = "no-store", password = LedgerApiFactory.Password });

        Assert.Equal("no-store", login.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", (await RefreshAsync(await login.ReadAsync<JsonElement>())).Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Unknown_wrong_disabled_and_locked_sign_ins_read_alike_and_each_hashes_one_password()
    {
        factory.CreateUser("wrong-password", Roles.Supervisor);
        var disabled = factory.CreateUser("disabled-account", Roles.Supervisor);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LedgerUser>>();
            var user = (await users.FindByIdAsync(disabled.Id.ToString()))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        var locked = factory.CreateUser("locked-account", Roles.Supervisor);
        for (var i = 0; i < 5; i++)
        {
            await (await LoginAsync("locked-account", "Wrong@2025")).ProblemAsync(401);
        }

        var answers = new List<string>();
        foreach (var (userName, password) in new[]
                 {
                     ("nobody-here", "Wrong@2025"), ("wrong-password", "Wrong@2025"), ("disabled-account", LedgerApiFactory.Password),
                     ("locked-account", LedgerApiFactory.Password),
                 })
        {
            var hashes = factory.Hashes.Count;
            var problem = await (await LoginAsync(userName, password)).ProblemAsync(401);
            Assert.True(factory.Hashes.Count - hashes == 1, $"{userName}: {factory.Hashes.Count - hashes} password hashes checked");
            answers.Add($"{problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}");
        }

        Assert.Single(answers.Distinct());
        var lockout = await AuditAsync($"actorId={locked.Id}");
        Assert.Equal(["LockedOut", "LockedOut", "SignInFailed", "SignInFailed", "SignInFailed", "SignInFailed"], lockout.Items.Select(r => r.Action));
    }

    [Fact]
    public async Task Sign_ins_failures_and_sign_outs_are_in_the_audit_trail_under_the_account_not_only_its_name()
    {
        // Two accounts named alike, as an administrator may name one after the office.
        var first = factory.CreateUser("office-a", Roles.Supervisor, displayName: "整改办");
        var second = factory.CreateUser("office-b", Roles.Supervisor, displayName: "整改办");
        await (await LoginAsync("office-a", "Wrong@2025")).ProblemAsync(401);
        var (client, _) = await SignInAsync("office-a");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        await SignInAsync("office-b");
        await (await LoginAsync("no-such-account", "Wrong@2025")).ProblemAsync(401);

        var firsts = await AuditAsync($"actorId={first.Id}");
        Assert.Equal(["SignOut", "SignIn", "SignInFailed"], firsts.Items.Select(r => r.Action));
        Assert.All(firsts.Items, r => Assert.Equal(("整改办", first.Id), (r.Actor, r.ActorId)));
        Assert.Equal(["登录失败", "登录", "退出登录"], firsts.Items.Select(r => r.ActionText).Reverse());
        Assert.Equal(["SignIn"], (await AuditAsync($"actorId={second.Id}")).Items.Select(r => r.Action));

        var stranger = Assert.Single((await AuditAsync("actor=no-such-account")).Items);
        Assert.Equal(("SignInFailed", null), (stranger.Action, stranger.ActorId));
    }

    private async Task<PagedResult<AuditRecordDto>> AuditAsync(string query) =>
        (await _admin.GetFromJsonAsync<PagedResult<AuditRecordDto>>($"/api/audit?{query}", LedgerApiFactory.Json))!;

    private Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        factory.Anonymous().PostJsonAsync("/api/auth/login", new { userName, password });

    private Task<HttpResponseMessage> RefreshAsync(JsonElement tokens) =>
        factory.Anonymous().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });

    private async Task<(HttpClient Client, JsonElement Tokens)> SignInAsync(string userName)
    {
        var tokens = await (await LoginAsync(userName, LedgerApiFactory.Password)).ReadAsync<JsonElement>();
        return (Bearer(tokens), tokens);
    }

    private HttpClient Bearer(JsonElement tokens)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    private Task<HttpResponseMessage> SendWithCookieAsync(HttpMethod method, string url, string cookie)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        return factory.Anonymous().SendAsync(request);
    }

    /// <summary>The host with its password hasher counted: Identity's hasher is an edge, and the count is what timing would show.</summary>
    public sealed class CountingHost : LedgerApiFactory
    {
        public Counter Hashes { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<LedgerUser>>(sp =>
                new CountingHasher(new PasswordHasher<LedgerUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), Hashes))));
        }
    }

    public sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHasher(PasswordHasher<LedgerUser> inner, Counter verified) : IPasswordHasher<LedgerUser>
    {
        public string HashPassword(LedgerUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(LedgerUser user, string hashedPassword, string providedPassword)
        {
            verified.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
