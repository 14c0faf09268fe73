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
/// Identity on the ledger database: a cookie for the browser, bearer tokens for API clients, both accepted on every
/// endpoint. Everything requires a signed-in user whose password is not a first or reset one, except what says otherwise.
/// </summary>
internal static class SignIn
{
    /// <summary>Policy for what a user with a password to change may still do: see who they are, change it, sign out.</summary>
    public const string PasswordMayBeExpired = "PasswordMayBeExpired";

    /// <summary>
    /// How soon a new security stamp (a role change, a disabled account, a new password, a sign-out) reaches an open page
    /// of the UI, whose circuit outlives the request that opened it. Requests check the stamp each time (<see cref="UseSessionCheck"/>).
    /// </summary>
    public static readonly TimeSpan StampValidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>The scheme <c>AddIdentityApiEndpoints</c> makes the default (bearer or cookie, whichever a request carries); Identity keeps its name internal.</summary>
    internal const string IdentityDefaultScheme = "Identity.BearerAndApplication";

    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityApiEndpoints<LedgerUser>(IdentitySetup.Configure)
            .AddLedgerStores()
            .AddSignInManager<LedgerSignInManager>();
        builder.Services.AddScoped<DecoyPassword>();
        builder.Services.AddSingleton(new SignInThrottle(builder.Configuration.GetSection(SignInThrottle.Section).Get<SignInThrottle.Limits>() ?? new()));
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = StampValidationInterval);
        builder.Services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "Ledger.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // An API answers with a status; only a page of the UI sends the browser on, to sign in or to change a
            // first or reset password.
            o.Events.OnRedirectToLogin = c => IsUiPage(c.HttpContext)
                ? Redirect(c, UiPaths.WithReturnUrl(UiPaths.SignIn, c.Request))
                : Answer(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => IsUiPage(c.HttpContext) && c.HttpContext.User.HasClaim(LedgerClaims.MustChangePassword, "true")
                ? Redirect(c, UiPaths.WithReturnUrl(UiPaths.ChangePassword, c.Request))
                : Answer(c.Response, StatusCodes.Status403Forbidden);
        });

        // Identity's default scheme answers a challenge as the bearer scheme does (401); a page of the UI is
        // challenged by the cookie instead, whose events above send the browser to sign in.
        builder.Services.Configure<AuthenticationSchemeOptions>(IdentityDefaultScheme, o =>
            o.ForwardDefaultSelector = c => IsUiPage(c) ? IdentityConstants.ApplicationScheme : null);

        // [Authorize] on a page means the same as no attribute on an endpoint: signed in, password changed.
        var ready = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(c => !c.User.HasClaim(LedgerClaims.MustChangePassword, "true")).Build();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PasswordMayBeExpired, p => p.RequireAuthenticatedUser())
            .SetDefaultPolicy(ready)
            .SetFallbackPolicy(ready);
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

    /// <summary>
    /// Why a password sign-in failed, in the words the API and the sign-in page both use. An unknown name, a wrong
    /// password, a disabled and a locked account read alike, so the answer does not tell which names are accounts.
    /// </summary>
    public static readonly (string Title, string Detail) Refusal =
        ("登录失败", "登录名或密码不正确，或账号已停用或锁定（连续失败 5 次锁定 15 分钟，可请系统管理员重置密码）。");

    /// <summary>The answer to too many sign-in attempts from one address or for one account.</summary>
    public static readonly (string Title, string Detail) Throttled = ("登录尝试过于频繁", "请稍后再试。");

    /// <summary>
    /// Checks each signed-in request's security stamp against the account's, so a sign-out, a new password, a change of
    /// roles or scope and a disabled account end cookies and bearer tokens at once. Identity checks a cookie's stamp
    /// only now and then, and a bearer token's never. A request whose session has ended goes on as anonymous and is
    /// answered 401, or sent to sign in.
    /// </summary>
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context))
        {
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }

        await next(context);
    });

    private static async Task<bool> IsCurrentAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (!Guid.TryParse(context.User.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier), out var id)
            || context.User.FindFirstValue(stampClaim) is not { } stamp)
        {
            return false;
        }

        // One primary-key read per request: cheaper than the hashing a cache would save, and never stale.
        var db = services.GetRequiredService<Ledger.Infrastructure.Persistence.LedgerDbContext>();
        return await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.SecurityStamp == stamp && u.IsActive, context.RequestAborted);
    }

    /// <summary>
    /// After a password change, a browser signed in with the cookie gets a new one: the old carried the claim that the
    /// password must be changed, and the security stamp the change renewed.
    /// </summary>
    public static async Task RenewCookieAsync(HttpContext context, LedgerSignInManager signIn)
    {
        if (await signIn.UserManager.GetUserAsync(context.User) is { } user
            && (await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private static bool IsUiPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, string target)
    {
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    private static Task Answer(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
