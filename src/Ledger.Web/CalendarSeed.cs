using Ledger.Application.Calendar;
using Ledger.Application.Reminders;
using Ledger.Web.Http;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Web;

/// <summary>
/// Every deployment counts working days from the stored calendar, so at start-up the years of the working-calendar file
/// (<c>Ledger:CalendarFile</c>, by default <c>working-calendar-cn.json</c> shipped next to the app from
/// <c>seeds/</c>) that the database has no entry for are added, through a command, as the system.
/// </summary>
internal static partial class CalendarSeed
{
    public const string ConfigurationKey = "Ledger:CalendarFile";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CalendarSeed).FullName!);
        var configured = services.GetRequiredService<IConfiguration>()[ConfigurationKey];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, WorkingCalendarFile.SeedFileName)
            : Path.GetFullPath(configured, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (!File.Exists(path))
        {
            LogNoFile(logger, path);
            return;
        }

        // A file with mistakes stops the start-up with every mistake listed (in Chinese), rather than counting wrong days.
        var file = await WorkingCalendarFile.LoadAsync(path, cancellationToken);
        CalendarSeedResult result;
        try
        {
            result = await SendAsync(services, file, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server starting on the same empty database added the same dates first; what it left out is added now.
            result = await SendAsync(services, file, cancellationToken);
        }

        if (result.YearsAdded.Count > 0)
        {
            LogSeeded(logger, result.DaysAdded, result.YearsAdded, path);
        }
    }

    /// <summary>
    /// One line in the start-up log when open items reach a year the calendar lacks: those years count Monday to Friday
    /// until the administrator enters the notice, and whoever reads the log should know it before the users do.
    /// </summary>
    public static async Task WarnOfMissingYearsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var coverage = (await SendAsync(services, new GetReminderWarningsQuery(IncludeUnreached: false), cancellationToken)).Calendar;
        if (coverage.MissingYears.Count > 0)
        {
            LogMissingYears(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CalendarSeed).FullName!), coverage.MissingYears, coverage.Items);
        }
    }

    private static Task<CalendarSeedResult> SendAsync(IServiceProvider services, WorkingCalendarFile file, CancellationToken cancellationToken) =>
        SendAsync(services, new SeedWorkingCalendarCommand(file), cancellationToken);

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<T> request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActingAs = AccountSeed.Actor;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No working-calendar file at {Path}; working days count Monday to Friday only until the administrator enters holidays")]
    private static partial void LogNoFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Working calendar lacks {Years}: {Items} open item(s) have deadlines there, counted Monday to Friday until the administrator enters the holidays")]
    private static partial void LogMissingYears(ILogger logger, IReadOnlyList<int> years, int items);

    [LoggerMessage(Level = LogLevel.Information, Message = "Working calendar: added {Days} day(s) of {Years} from {Path}")]
    private static partial void LogSeeded(ILogger logger, int days, IReadOnlyList<int> years, string path);
}
