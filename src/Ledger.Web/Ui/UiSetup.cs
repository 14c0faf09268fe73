using System.Globalization;
using Ledger.Web.Components;
using Ledger.Web.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace Ledger.Web.Ui;

/// <summary>The web UI: Blazor with interactive server rendering and MudBlazor, in Chinese, served wholly from the app.</summary>
internal static class UiSetup
{
    public static WebApplicationBuilder AddLedgerUi(this WebApplicationBuilder builder)
    {
        // An unpublished build would map a catch-all GET route for files added to wwwroot after start, which also turns
        // the API's 404 for a POST to an unknown path into a 405; Ledger adds no files at run time.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, SignedInStateProvider>();
        builder.Services.AddMudServices(o =>
        {
            // One message at a time, at the bottom and under any dialog (app.css), never in front of what the user works on.
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
            o.SnackbarConfiguration.MaxDisplayedSnackbars = 1;
            o.SnackbarConfiguration.PreventDuplicates = true;
        });
        builder.Services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        builder.Services.AddScoped<UiSender>();
        builder.Services.AddScoped<UnreadNotifications>();
        return builder;
    }

    /// <summary>
    /// An answer without a body: a browser opening an address that is no page (/nope) gets the Chinese 页面不存在 page;
    /// the API, and any client not asking for HTML, gets the status as ProblemDetails.
    /// </summary>
    public static void UseStatusCodeAnswers(this WebApplication app)
    {
        app.UseWhen(IsPageNavigation, page => page.UseStatusCodePagesWithReExecute(UiPaths.NotFound, createScopeForStatusCodePages: true));
        app.UseWhen(context => !IsPageNavigation(context), api => api.UseStatusCodePages());
    }

    internal static bool IsPageNavigation(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/health")
        && context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Chinese for every request, so a circuit (which keeps its first request's culture) formats as zh-CN.</summary>
    public static void UseChinese(this WebApplication app) =>
        app.UseRequestLocalization(o =>
        {
            var chinese = CultureInfo.GetCultureInfo("zh-CN");
            o.DefaultRequestCulture = new(chinese);
            o.SupportedCultures = [chinese];
            o.SupportedUICultures = [chinese];
            o.RequestCultureProviders.Clear();
        });

    public static void MapLedgerUi(this WebApplication app)
    {
        // The sign-in page needs its styles and scripts before anyone has signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapGet(UiPaths.Home, (HttpContext context) => Results.Redirect(UiPaths.HomeOf(context.User))).ExcludeFromDescription().AllowAnonymous();

        // A form post from the app bar, so the cookie is cleared on a real response; the token keeps other sites from
        // signing a user out.
        app.MapPost(UiPaths.SignOut, async (LedgerSignInManager signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect(UiPaths.SignIn);
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription()
            .RequireAuthorization(SignIn.PasswordMayBeExpired);
    }
}
