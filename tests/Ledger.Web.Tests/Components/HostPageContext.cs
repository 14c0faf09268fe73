using Bunit;
using Ledger.Infrastructure.Identity;
using Ledger.Web.Http;
using Ledger.Web.Ui;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace Ledger.Web.Tests.Components;

/// <summary>
/// A page rendered on its own as in <see cref="PageContext"/>, but its requests go through the UI sender to the real
/// host's handlers on SQLite: roles, validators, rules and the database answer, as a user of the page would meet them.
/// </summary>
public abstract class HostPageContext : PageContext
{
    protected HostPageContext(LedgerApiFactory host)
    {
        Host = host;
        Services.AddSingleton<TimeProvider>(host.Clock);
        Services.AddScoped(sp => new UiSender(
            host.Services.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<AuthenticationStateProvider>(),
            sp.GetRequiredService<ISnackbar>(),
            NullLogger<UiSender>.Instance));
    }

    protected LedgerApiFactory Host { get; }

    /// <summary>Signs the page in as a new account of the host with this role, with the claims a real sign-in gives it.</summary>
    protected async Task<LedgerUser> SignInToHostAsync(string role, Guid? departmentId = null)
    {
        var user = Host.CreateUser($"{role}-{Guid.NewGuid():N}".ToLowerInvariant(), role, departmentId);
        await using var scope = Host.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<LedgerSignInManager>().CreateUserPrincipalAsync(user);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(user.UserName!);
        authorization.SetClaims([.. principal.Claims]);
        return user;
    }
}
