using Ledger.Web.Http;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Ledger.Web.Ui;

/// <summary>
/// The user of an open page, checked again as often as a cookie is: a changed role or department renews the security
/// stamp and a disabled account may not sign in, and either sends the page back to sign-in rather than leaving a
/// circuit acting on claims its cookie would no longer carry.
/// </summary>
internal sealed class SignedInStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => SignIn.StampValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<LedgerSignInManager>();
        return await signIn.ValidateSecurityStampAsync(authenticationState.User) is { } user && await signIn.CanSignInAsync(user);
    }
}
