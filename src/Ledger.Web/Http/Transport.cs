using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ledger.Application.Common;
using Ledger.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ledger.Web.Http;

/// <summary>
/// How the app meets the network (<c>Ledger:Https</c>) and the headers every answer carries. Ledger runs on an intranet
/// either with its own certificate (<see cref="HttpsMode.Terminate"/>: redirect to HTTPS, HSTS for a year) or behind a
/// reverse proxy that holds the certificate (<see cref="HttpsMode.Proxy"/>: the client's address and scheme are read
/// from the forwarded headers of the configured proxies only). Cookies are Secure whenever HTTPS is configured.
/// </summary>
internal static partial class Transport
{
    public const string Section = "Ledger:Https";

    /// <summary>
    /// Scripts only from the app itself: no inline script and no eval, so an injected <c>&lt;script&gt;</c> does not run.
    /// MudBlazor sets styles inline, and the Blazor circuit is a WebSocket to the same host ('self' covers ws: and wss:).
    /// </summary>
    public static string ContentSecurityPolicy(string alsoScripts = "") =>
        $"default-src 'self'; script-src 'self'{alsoScripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string OwnScriptsOnly = ContentSecurityPolicy();

    private static readonly object PolicyKey = new();

    /// <summary>The API reference writes its settings into an inline module script: that script, and no other, may run there.</summary>
    private const string InlineScriptsAllowedUnder = "/scalar";

    public static WebApplicationBuilder AddTransport(this WebApplicationBuilder builder)
    {
        // The mode decides the middleware, so it is read, and checked, now: a proxy address that does not parse would
        // otherwise surface as a bare FormatException once the forwarded-headers options are built.
        var https = builder.Configuration.ReadSettings<HttpsSettings>(Section);
        builder.Services.AddSettings<HttpsSettings>(builder.Configuration, Section);

        // The server's name and version help nobody but someone matching it against known flaws.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = https.HstsIncludeSubDomains;
        });
        if (https.Port is { } port)
        {
            builder.Services.AddHttpsRedirection(o => o.HttpsPort = port);
        }

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in https.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in https.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var secure = https.Mode == HttpsMode.None ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = secure);
        builder.Services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = secure);
        return builder;
    }

    /// <summary>First in the pipeline: the scheme and address are settled before anything reads them, and every answer, an error's too, gets the headers.</summary>
    public static WebApplication UseTransport(this WebApplication app)
    {
        var https = app.Services.GetRequiredService<HttpsSettings>();
        if (https.Mode == HttpsMode.Proxy)
        {
            app.UseForwardedHeaders();
        }

        if (https.Mode == HttpsMode.Terminate)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Replaces Blazor's own frame-ancestors policy on its pages: this one says that and more.
                headers.ContentSecurityPolicy = context.Items.TryGetValue(PolicyKey, out var policy) ? (string)policy! : OwnScriptsOnly;

                return Task.CompletedTask;
            });

            if (context.Request.Path.StartsWithSegments(InlineScriptsAllowedUnder))
            {
                await AllowItsInlineScriptsAsync(context, next);
            }
            else
            {
                await next(context);
            }
        });
        return app;
    }

    /// <summary>
    /// Serves a page with a policy naming the SHA-256 of each inline script the page itself carries, computed from the page
    /// as served, so the policy follows the page through upgrades without allowing inline scripts at large.
    /// </summary>
    private static async Task AllowItsInlineScriptsAsync(HttpContext context, RequestDelegate next)
    {
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScript().Matches(html)
                .Select(m => $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
            context.Items[PolicyKey] = ContentSecurityPolicy(string.Concat(hashes));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>A script element without a src: its text is what a policy's hash covers.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex InlineScript();
}

/// <summary>How TLS reaches the app: see <see cref="Transport"/>.</summary>
internal enum HttpsMode
{
    /// <summary>Plain HTTP, e.g. a developer's machine or a test; cookies are Secure only on HTTPS requests.</summary>
    None,

    /// <summary>Kestrel holds the certificate: HTTP is redirected to HTTPS and HSTS is sent for a year.</summary>
    Terminate,

    /// <summary>A reverse proxy holds the certificate: its X-Forwarded-For and X-Forwarded-Proto are believed, no one else's.</summary>
    Proxy,
}

/// <summary><c>Ledger:Https</c>.</summary>
internal sealed class HttpsSettings : ICheckedSettings
{
    public HttpsMode Mode { get; set; }

    /// <summary>The HTTPS port to redirect to when Kestrel listens on several (Terminate).</summary>
    public int? Port { get; set; }

    public bool HstsIncludeSubDomains { get; set; }

    /// <summary>The proxies' addresses (Proxy), e.g. 10.0.0.5.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>The proxies' networks (Proxy), e.g. 10.0.0.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        if (Port is < 1 or > 65535)
        {
            yield return $"{Transport.Section}:Port 须在 1 到 65535 之间，现为 {Port}。";
        }

        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return $"{Transport.Section}:KnownProxies 中的“{proxy}”不是 IP 地址（如 10.0.0.5）。";
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return $"{Transport.Section}:KnownNetworks 中的“{network}”不是网段（如 10.0.0.0/24）。";
        }
    }
}
