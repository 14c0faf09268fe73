using Ledger.Infrastructure.Persistence;
using Ledger.Web;
using Ledger.Web.Endpoints;
using Scalar.AspNetCore;

var import = args is [ImportCommandLine.Verb, ..];
var builder = WebApplication.CreateBuilder(import ? [] : args);

builder.AddLedger();

if (import)
{
    return await ImportCommandLine.RunAsync(args, builder, Console.Out, Console.Error);
}

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference(o => o.WithTitle("Ledger API")).AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription().AllowAnonymous();
app.MapAuthEndpoints();
app.MapUserEndpoints();
app.MapOrganisationEndpoints();
app.MapRoundEndpoints();
app.MapItemEndpoints();
app.MapImportEndpoints();
app.MapAuditEndpoints();
app.MapSettingsEndpoints();
app.MapCalendarEndpoints();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

await CalendarSeed.SeedAsync(app.Services);

await DemoData.SeedAsync(app.Services);
await AccountSeed.SeedAsync(app.Services);

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
