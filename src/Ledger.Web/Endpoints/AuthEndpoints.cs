using Ledger.Application.Users;
using Ledger.Infrastructure.Identity;
using Ledger.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ledger.Web.Endpoints;

/// <summary>
/// Sign-in as Identity's API endpoints do it, without their open registration: a cookie for the browser
/// (<c>useCookies=true</c>) or a bearer token with a refresh token for API clients.
/// </summary>
internal static class AuthEndpoints
{
    public sealed record Credentials(string UserName, string Password, bool RememberMe = false);

    public sealed record RefreshRequest(string RefreshToken);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("登录");

        // Tokens and who is signed in are nobody's to keep: no browser or proxy cache stores these answers.
        auth.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });

        auth.MapPost("/login", async (Credentials credentials, bool? useCookies, LedgerSignInManager signIn) =>
            {
                signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
                var result = await signIn.SignInWithPasswordAsync(credentials.UserName ?? string.Empty, credentials.Password ?? string.Empty, credentials.RememberMe);
                if (result is null)
                {
                    return Results.Problem(title: SignIn.Throttled.Title, detail: SignIn.Throttled.Detail, statusCode: StatusCodes.Status429TooManyRequests);
                }

                // The bearer handler has written the token to the response; a cookie needs no body.
                return result.Succeeded ? Results.Empty : Refused(SignIn.Refusal.Title, SignIn.Refusal.Detail);
            })
            .AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .Doc("登录：useCookies=true 写入 Cookie（浏览器），否则返回 Bearer 令牌和刷新令牌；连续失败 5 次锁定 15 分钟，尝试过于频繁返回 429", changes: false, hasTarget: false);

        auth.MapPost("/refresh", async (
                RefreshRequest request, LedgerSignInManager signIn, RefreshTokens refreshTokens, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock) =>
            {
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
                if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                    || await signIn.UserManager.GetUserAsync(ticket.Principal) is not { } owner)
                {
                    return Expired();
                }

                // A token is exchanged once. A second exchange means a copy: whoever holds one, every session ends.
                if (!await refreshTokens.TryUseAsync(request.RefreshToken, owner.Id, expires))
                {
                    await signIn.EndSessionsAfterReuseAsync(owner);
                    return Expired();
                }

                if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user || !await signIn.CanSignInAsync(user))
                {
                    return Expired();
                }

                return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .Doc("用刷新令牌换取新的 Bearer 令牌和刷新令牌；每个刷新令牌只能用一次，重复使用则该账号的全部登录失效（角色或部门变更、账号停用、修改密码、退出登录后亦失效）", changes: false, hasTarget: false);

        auth.MapPost("/logout", async (LedgerSignInManager signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.NoContent();
            })
            .RequireAuthorization(SignIn.PasswordMayBeExpired)
            .Doc("退出登录：清除 Cookie，并使该账号的全部 Cookie、Bearer 令牌和刷新令牌失效", changes: false, hasTarget: false);

        auth.MapGet("/me", (IMediator m, CancellationToken ct) => m.Send(new GetCurrentUserQuery(), ct))
            .RequireAuthorization(SignIn.PasswordMayBeExpired)
            .Doc("当前登录的账号：角色、所属部门、是否须修改密码", changes: false, hasTarget: false);

        auth.MapPost("/password", async (ChangePasswordCommand command, IMediator m, HttpContext context, LedgerSignInManager signIn, CancellationToken ct) =>
            {
                await m.Send(command, ct);
                await SignIn.RenewCookieAsync(context, signIn);
                return Results.NoContent();
            })
            .RequireAuthorization(SignIn.PasswordMayBeExpired)
            .Doc("修改自己的密码（首次登录或重置后须先修改）；Bearer 客户端修改后请重新登录", changes: true, hasTarget: false);
    }

    private static IResult Expired() => Refused("登录已过期", "请重新登录。");

    private static IResult Refused(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
