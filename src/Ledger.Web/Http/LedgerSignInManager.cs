using System.Security.Claims;
using Ledger.Infrastructure.Identity;
using Ledger.Web.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Ledger.Web.Http;

/// <summary>
/// Identity's sign-in with the ledger's rules: a disabled account cannot sign in or refresh a token, whatever its
/// password; attempts are throttled and recorded; a refusal takes as long whatever its reason; signing out ends every
/// session of the account.
/// </summary>
internal sealed class LedgerSignInManager(
    UserManager<LedgerUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<LedgerUser> claims,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options,
    ILogger<SignInManager<LedgerUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LedgerUser> confirmation,
    AccountEvents events,
    SignInThrottle throttle,
    DecoyPassword decoy)
    : SignInManager<LedgerUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(LedgerUser user) => user.IsActive && await base.CanSignInAsync(user);

    /// <summary>
    /// The password sign-in of the API and of the sign-in page: throttled per address and per account, locking after
    /// five failures, and recorded in the audit trail. Null when throttled: nothing was checked.
    /// </summary>
    public async Task<SignInResult?> SignInWithPasswordAsync(string userName, string password, bool isPersistent)
    {
        var address = Address;
        if (!throttle.TryEnter(address, userName))
        {
            return null;
        }

        // No account's name holds U+0000, and PostgreSQL refuses to compare one: such a name is simply unknown.
        var user = userName.Contains('\0', StringComparison.Ordinal) ? null : await UserManager.FindByNameAsync(userName);
        SignInResult result;
        if (user is null)
        {
            decoy.Verify(password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
        }

        var action = result.Succeeded ? AccountEvents.SignedIn : result.IsLockedOut ? AccountEvents.LockedOut : AccountEvents.SignInFailed;
        await events.RecordAsync(action, user, userName, address);
        return result;
    }

    /// <summary>
    /// A locked or disabled account is refused before its password is hashed; one is hashed anyway, so the refusal takes
    /// as long as a wrong password's and its timing does not tell a locked account from the rest.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(LedgerUser user, string password, bool lockoutOnFailure)
    {
        if (!await CanSignInAsync(user) || (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)))
        {
            decoy.Verify(password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>
    /// Signs out and ends every session of the account: a new security stamp invalidates its cookies, bearer tokens and
    /// refresh tokens, wherever they were copied to.
    /// </summary>
    public override async Task SignOutAsync()
    {
        if (await UserManager.GetUserAsync(Context.User) is { } user)
        {
            await UserManager.UpdateSecurityStampAsync(user);
            await events.RecordAsync(AccountEvents.SignedOut, user, null, Address);
        }

        await Context.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>A refresh token exchanged a second time was copied: every session of its account ends.</summary>
    public async Task EndSessionsAfterReuseAsync(LedgerUser user)
    {
        await UserManager.UpdateSecurityStampAsync(user);
        await events.RecordAsync(AccountEvents.RefreshTokenReused, user, null, Address);
    }

    private string? Address => Context.Connection.RemoteIpAddress?.ToString();
}
