using Ledger.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Web.Http;

/// <summary>
/// Identity on the ledger database: a cookie for the browser, bearer tokens for API clients, both accepted on every
/// endpoint. Everything requires a signed-in user whose password is not a first or reset one, except what says otherwise.
/// </summary>
internal static class SignIn
{
    /// <summary>Policy for what a user with a password to change may still do: see who they are, change it, sign out.</summary>
    public const string PasswordMayBeExpired = "PasswordMayBeExpired";

    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityApiEndpoints<LedgerUser>(IdentitySetup.Configure)
            .AddLedgerStores()
            .AddSignInManager<LedgerSignInManager>();
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        builder.Services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "Ledger.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // An API answers with a status, not a redirect to a login page.
            o.Events.OnRedirectToLogin = c => Answer(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Answer(c.Response, StatusCodes.Status403Forbidden);
        });

        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PasswordMayBeExpired, signedIn.Build())
            .SetFallbackPolicy(signedIn.RequireAssertion(c => !c.User.HasClaim(LedgerClaims.MustChangePassword, "true")).Build());
        return builder;
    }

    /// <summary>Chinese words for the bare 401/403 that authentication and authorization answer with.</summary>
    public static void DescribeRefusal(ProblemDetails problem, HttpContext context)
    {
        if (problem.Detail is not null)
        {
            return;
        }

        (problem.Title, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => ("未登录或登录已过期", "请先登录。"),
            StatusCodes.Status403Forbidden when context.User.HasClaim(LedgerClaims.MustChangePassword, "true") =>
                ("请先修改密码", "这是初始或重置的密码，修改后才能使用系统。"),
            StatusCodes.Status403Forbidden => ("没有权限", "您没有权限进行此操作。"),
            StatusCodes.Status404NotFound => ("记录不存在", "请求的地址不存在。"),
            _ => (problem.Title, problem.Detail),
        };
    }

    private static Task Answer(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>A disabled account cannot sign in or refresh a token, whatever its password.</summary>
internal sealed class LedgerSignInManager(
    UserManager<LedgerUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<LedgerUser> claims,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options,
    ILogger<SignInManager<LedgerUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LedgerUser> confirmation)
    : SignInManager<LedgerUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(LedgerUser user) => user.IsActive && await base.CanSignInAsync(user);
}
