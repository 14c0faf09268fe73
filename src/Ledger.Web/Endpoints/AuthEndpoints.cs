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

        auth.MapPost("/login", async (Credentials credentials, bool? useCookies, LedgerSignInManager signIn) =>
            {
                signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(credentials.UserName ?? string.Empty, credentials.Password ?? string.Empty, credentials.RememberMe, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    // The bearer handler has written the token to the response; a cookie needs no body.
                    return Results.Empty;
                }

                var (title, detail) = SignIn.Refusal(result);
                return Refused(title, detail);
            })
            .AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .Doc("登录：useCookies=true 写入 Cookie（浏览器），否则返回 Bearer 令牌和刷新令牌；连续失败 5 次锁定 15 分钟", changes: false, hasTarget: false);

        auth.MapPost("/refresh", async (RefreshRequest request, LedgerSignInManager signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock) =>
            {
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
                if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                    || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user || !await signIn.CanSignInAsync(user))
                {
                    return Refused("登录已过期", "请重新登录。");
                }

                return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .Doc("用刷新令牌换取新的 Bearer 令牌（角色或部门变更、账号停用后即失效）", changes: false, hasTarget: false);

        auth.MapPost("/logout", async (HttpContext context) =>
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                return Results.NoContent();
            })
            .RequireAuthorization(SignIn.PasswordMayBeExpired)
            .Doc("退出登录（清除 Cookie；Bearer 令牌由客户端丢弃）", changes: false, hasTarget: false);

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

    private static IResult Refused(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
