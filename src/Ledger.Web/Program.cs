using Ledger.Infrastructure.Persistence;
using Ledger.Web;
using Ledger.Web.Endpoints;
using Ledger.Web.Http;
using Ledger.Web.Jobs;
using Ledger.Web.Ui;
using Scalar.AspNetCore;

if (args is [HealthEndpoints.ProbeVerb, var healthUrl])
{
    return await HealthEndpoints.ProbeAsync(healthUrl);
}

var import = args is [ImportCommandLine.Verb, ..];
var worker = args is [JobsSetup.WorkerVerb, ..];
var builder = WebApplication.CreateBuilder(import ? [] : worker ? args[1..] : args);

builder.AddLedger();
builder.AddJobs(worker);

if (import)
{
    return await ImportCommandLine.RunAsync(args, builder, Console.Out, Console.Error);
}

if (!worker)
{
    builder.AddLedgerUi();
}

var app = builder.Build();

if (worker)
{
    // A worker only runs jobs against the shared storage; its health endpoints tell an orchestrator it is alive and ready.
    app.MapHealthEndpoints();
    app.Services.ScheduleJobs(worker);
    await app.RunAsync();
    return 0;
}

app.UseTransport();
app.UseExceptionHandler();
app.UseStatusCodeAnswers();

// After the status code answers, so the 404 page they re-execute is routed to its page.
app.UseRouting();
app.UseChinese();
app.UseAuthentication();
app.UseSessionCheck();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi().AllowAnonymous();
// Scalar's default fonts come from its CDN, which an intranet cannot reach and the content security policy refuses.
app.MapScalarApiReference(o => o.WithTitle("Ledger API").DisableDefaultFonts()).AllowAnonymous();
app.MapHealthEndpoints();
app.MapAuthEndpoints();
app.MapUserEndpoints();
app.MapOrganisationEndpoints();
app.MapRoundEndpoints();
app.MapItemEndpoints();
app.MapMyWorkEndpoints();
app.MapImportEndpoints();
app.MapAuditEndpoints();
app.MapSettingsEndpoints();
app.MapNotificationEndpoints();
app.MapJobsDashboard();
app.MapCalendarEndpoints();
app.MapReportEndpoints();
app.MapDashboardEndpoints();
app.MapLedgerUi();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

await CalendarSeed.SeedAsync(app.Services);

await DemoData.SeedAsync(app.Services);
await AccountSeed.SeedAsync(app.Services);
await CalendarSeed.WarnOfMissingYearsAsync(app.Services);
app.Services.ScheduleJobs(worker);

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
