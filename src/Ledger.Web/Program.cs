using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Ledger.Application;
using Ledger.Application.Common;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Ledger.Web;
using Ledger.Web.Endpoints;
using Ledger.Web.Http;
using Scalar.AspNetCore;

if (args is [ImportCommandLine.Verb, ..])
{
    return ImportCommandLine.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
});

// Malformed bodies and query values reach the exception handler, so they too get a Chinese ProblemDetails.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
    c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
builder.Services.AddExceptionHandler<ExceptionProblemHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Ledger 巡察整改台账 API";
    document.Info.Description = "巡察轮次、反馈问题、责任分工、整改措施、进展情况和销号流程。修改类请求须带上读取时的 version，过期则返回 409。";
    return Task.CompletedTask;
}));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapScalarApiReference(o => o.WithTitle("Ledger API"));
app.MapHealthChecks("/health");
app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();
app.MapOrganisationEndpoints();
app.MapRoundEndpoints();
app.MapItemEndpoints();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
