using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ledger.Application.Common.Security;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Api;

/// <summary>The headers every answer carries, and <c>Ledger:Https</c>: TLS at the app (redirect, HSTS, Secure cookies) or at a proxy (forwarded headers).</summary>
public sealed class TransportApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/api/items")]
    [InlineData("/account/login")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_answer_forbids_sniffing_referrers_and_foreign_or_inline_scripts_and_names_no_server(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_API_reference_may_run_its_own_inline_script_and_no_other()
    {
        var response = await factory.Anonymous().GetAsync("/scalar/");
        var html = await response.Content.ReadAsStringAsync();

        var inline = Assert.Single(Http.Transport.InlineScript().Matches(html)).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
        Assert.Contains($"script-src 'self' 'sha256-{hash}';", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_has_no_inline_script_for_the_policy_to_refuse()
    {
        var html = await factory.Anonymous().GetStringAsync("/account/login");

        Assert.Empty(Http.Transport.InlineScript().Matches(html));
    }

    [Fact]
    public async Task Where_the_app_terminates_TLS_it_redirects_to_HTTPS_sends_HSTS_for_a_year_and_marks_cookies_Secure()
    {
        using var host = new HttpsHost("Terminate");
        host.CreateUser("tls-user", Roles.Supervisor);
        var plain = host.Anonymous();
        plain.BaseAddress = new Uri("http://ledger.example");
        var secure = host.Anonymous();
        secure.BaseAddress = new Uri("https://ledger.example");

        var redirected = await plain.GetAsync("/health");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://ledger.example/health", redirected.Headers.Location?.ToString());

        var health = await secure.GetAsync("/health");
        Assert.Equal("max-age=31536000", Header(health, "Strict-Transport-Security"));
        var login = await secure.PostJsonAsync("/api/auth/login?useCookies=true", new { userName = "tls-user", password = LedgerApiFactory.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ledger.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_proxy_only_the_configured_proxy_is_believed_about_the_clients_address()
    {
        using var host = new HttpsHost("Proxy");
        host.CreateUser("proxied", Roles.Supervisor);

        await SignInThroughAsync(host, from: "10.0.0.5", forwardedFor: "203.0.113.7");
        await SignInThroughAsync(host, from: "10.9.9.9", forwardedFor: "198.51.100.1");

        await using var scope = host.Services.CreateAsyncScope();
        var addresses = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.Action == "SignIn").OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync();
        Assert.Equal(["203.0.113.7", "10.9.9.9"], addresses.Select(c => JsonDocument.Parse(c).RootElement[0].GetProperty("Values").GetProperty("Address").GetProperty("To").GetString()));
    }

    private static async Task SignInThroughAsync(HttpsHost host, string from, string forwardedFor)
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Add(HttpsHost.PeerHeader, from);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/login", new { userName = "proxied", password = LedgerApiFactory.Password })).StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : string.Empty;

    /// <summary>A host configured for TLS at the app or at a proxy at 10.0.0.5.</summary>
    private sealed class HttpsHost(string mode) : LedgerApiFactory
    {
        /// <summary>The test server has no TCP peer: this header plays the address a request comes from.</summary>
        public const string PeerHeader = "X-Test-Peer";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Ledger:Https:Mode", mode);
            builder.UseSetting("Ledger:Https:Port", "443");
            builder.UseSetting("Ledger:Https:KnownProxies:0", "10.0.0.5");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, Peer>());
        }

        private sealed class Peer : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, then) =>
                {
                    if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                    {
                        context.Connection.RemoteIpAddress = peer;
                    }

                    return then(context);
                });
                next(app);
            };
        }
    }
}
