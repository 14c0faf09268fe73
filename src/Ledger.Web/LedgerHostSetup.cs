using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Ledger.Application;
using Ledger.Application.Common;
using Ledger.Application.Reminders;
using Ledger.Infrastructure;
using Ledger.Web.Http;

namespace Ledger.Web;

internal static class LedgerHostSetup
{
    /// <summary>Everything the host registers, shared by serving and by the import verb so both use the same database and rules.</summary>
    public static WebApplicationBuilder AddLedger(this WebApplicationBuilder builder)
    {
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<TimeProvider>(new DemoClock(TimeProvider.System));
        builder.Services.AddSettings<ReminderOptions>(builder.Configuration, ReminderOptions.Section);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<HttpCurrentUser>();
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<HttpCurrentUser>());
        builder.AddSignIn();
        builder.AddTransport();

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });

        // Malformed bodies and query values reach the exception handler, so they too get a Chinese ProblemDetails.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier);
            SignIn.DescribeRefusal(c.ProblemDetails, c.HttpContext);
        });
        builder.Services.AddExceptionHandler<ExceptionProblemHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Ledger 巡察整改台账 API";
            document.Info.Description = "巡察轮次、反馈问题、责任分工、整改措施、进展情况和销号流程。修改类请求须带上读取时的 version，过期则返回 409。";
            return Task.CompletedTask;
        }));

        return builder;
    }
}
