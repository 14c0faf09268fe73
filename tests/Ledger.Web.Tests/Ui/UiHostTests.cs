using System.Net;
using System.Reflection;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Users;
using Ledger.Web.Http;
using Ledger.Web.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ledger.Web.Tests.Ui;

public sealed class UiHostTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_root_and_a_page_send_a_stranger_to_sign_in_where_the_API_answers_401()
    {
        using var anonymous = factory.Anonymous();
        var browser = Browser();
        browser.DefaultRequestHeaders.Authorization = null;

        var root = await browser.GetAsync("/");
        var ledger = await browser.GetAsync("/items?status=Completed");
        var signIn = await browser.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/account/login", root.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, ledger.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fitems%3Fstatus%3DCompleted", ledger.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("登录名", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await anonymous.GetAsync("/api/items")).ProblemAsync(401);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
    }

    [Theory]
    [InlineData("/items?page=2", "/items?page=2")]
    [InlineData("//evil.example/items", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void After_sign_in_only_an_address_of_this_site_is_followed(string? returnUrl, string expected)
    {
        Assert.Equal(expected, UiPaths.LocalOrHome(returnUrl));
    }

    [Theory]
    [InlineData(Roles.Leader, "/dashboard")]
    [InlineData(Roles.Office, "/my-work")]
    [InlineData(Roles.DepartmentHead, "/my-work")]
    [InlineData(Roles.DepartmentStaff, "/my-work")]
    [InlineData(Roles.Supervisor, "/items")]
    public async Task The_root_sends_each_role_to_its_own_first_page(string role, string home)
    {
        var userName = $"home-{role}".ToLowerInvariant();
        factory.CreateUser(userName, role);
        using var browser = factory.Anonymous();
        var login = await browser.PostJsonAsync("/api/auth/login?useCookies=true", new { userName, password = LedgerApiFactory.Password });
        browser.DefaultRequestHeaders.Add("Cookie", login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ledger.Auth=", StringComparison.Ordinal)).Split(';')[0]);

        var root = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal(home, root.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_sender_acts_as_the_pages_user_in_a_scope_of_its_own_and_words_failures_in_Chinese()
    {
        var user = factory.CreateUser("ui-sender", Roles.DepartmentStaff, displayName: "页面用户");
        await using var circuit = factory.Services.CreateAsyncScope();
        ((IHostEnvironmentNavigationManager)circuit.ServiceProvider.GetRequiredService<NavigationManager>()).Initialize("http://localhost/", "http://localhost/items");
        var signIn = circuit.ServiceProvider.GetRequiredService<LedgerSignInManager>();
        var authentication = (IHostEnvironmentAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(await signIn.CreateUserPrincipalAsync(user))));
        var sender = circuit.ServiceProvider.GetRequiredService<UiSender>();
        var snackbar = circuit.ServiceProvider.GetRequiredService<ISnackbar>();

        var me = await sender.SendAsync(new GetCurrentUserQuery());
        var tooMany = await sender.SendAsync(new ListItemsQuery { PageSize = 10_000 });
        var missing = await sender.SendAsync(new GetItemQuery(Guid.NewGuid()));
        var refused = await sender.SendAsync(new ListUsersQuery());

        Assert.Equal("页面用户", me.Value!.DisplayName);
        Assert.False(tooMany.Succeeded);
        Assert.Contains("pageSize", tooMany.FieldErrors.Keys);
        Assert.Equal("整改事项不存在或无权查看。", missing.Message);
        Assert.Equal("您没有权限进行此操作。", refused.Message);

        // One message at a time: each failure replaces the one before, and a change that succeeds takes the last away.
        Assert.Equal([refused.Message], snackbar.ShownSnackbars.Select(s => s.Message));
        Assert.True((await sender.SendAsync(new Application.Notifications.MarkAllNotificationsReadCommand())).Succeeded);
        Assert.Empty(snackbar.ShownSnackbars);
    }

    [Fact]
    public async Task An_open_page_loses_its_user_when_the_account_changes_as_a_cookie_would()
    {
        var user = factory.CreateUser("ui-revalidated", Roles.DepartmentHead);
        await using var scope = factory.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<LedgerSignInManager>().CreateUserPrincipalAsync(user);
        var provider = (SignedInStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var validate = typeof(SignedInStateProvider).GetMethod("ValidateAuthenticationStateAsync", BindingFlags.NonPublic | BindingFlags.Instance)!;
        Task<bool> Valid() => (Task<bool>)validate.Invoke(provider, [new AuthenticationState(principal), CancellationToken.None])!;

        Assert.True(await Valid());
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.LedgerUser>>();
        await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        Assert.False(await Valid());
    }
}
