using Ledger.Web.Http;
using Ledger.Web.Ui;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace Ledger.Web.Tests.Components;

/// <summary>
/// A <see cref="PageContext"/> whose <see cref="UiSender"/> sends into the real host on SQLite
/// (<see cref="LedgerApiFactory"/>) as a real account rather than to the fake mediator: roles, validation, versions
/// and audit are the server's, and what the page saves can be read back through the API.
/// </summary>
public abstract class HostedPageContext : PageContext
{
    protected HostedPageContext(LedgerApiFactory host)
    {
        Host = host;
        Services.AddSingleton<TimeProvider>(host.Clock);
        Services.AddScoped(page => new UiSender(
            host.Services.GetRequiredService<IServiceScopeFactory>(),
            page.GetRequiredService<AuthenticationStateProvider>(),
            page.GetRequiredService<ISnackbar>(),
            NullLogger<UiSender>.Instance));
    }

    protected LedgerApiFactory Host { get; }

    /// <summary>Signs the page in as a new account of the role, with the claims its cookie would carry.</summary>
    protected async Task SignInAsync(string role)
    {
        var user = Host.CreateUser($"{role}-{Guid.NewGuid():N}".ToLowerInvariant(), role);
        await using var scope = Host.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<LedgerSignInManager>().CreateUserPrincipalAsync(user);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(user.UserName!);
        authorization.SetClaims([.. principal.Claims]);
    }
}
