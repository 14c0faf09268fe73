using Ledger.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Ledger.Web.Endpoints;

internal static class HealthEndpoints
{
    /// <summary><c>dotnet Ledger.Web.dll health URL</c>: exit 0 when URL answers 2xx, 1 otherwise (container health checks, no curl needed).</summary>
    public const string ProbeVerb = "health";

    public static async Task<int> ProbeAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return 1;
        }
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (a restart is due when it does not). <c>/health/ready</c>: the database,
    /// the job storage and the evidence folder answer, so a proxy may send this node requests; 503 otherwise.
    /// <c>/health</c> is readiness too, as before.
    /// </summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(DependencyInjection.ReadinessTag) };
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health", ready).AllowAnonymous();
    }
}
