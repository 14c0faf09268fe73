using Ledger.Infrastructure.Persistence;
using Ledger.Web;
using Ledger.Web.Endpoints;
using Ledger.Web.Jobs;
using Ledger.Web.Ui;
using Scalar.AspNetCore;

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
    // A worker only runs jobs against the shared storage; its one endpoint tells an orchestrator it is alive.
    app.MapHealthChecks("/health").AllowAnonymous();
    app.Services.ScheduleJobs();
    await app.RunAsync();
    return 0;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseChinese();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference(o => o.WithTitle("Ledger API")).AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
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
app.Services.ScheduleJobs();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
