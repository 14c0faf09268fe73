using Hangfire;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Reminders;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Jobs;

/// <summary>
/// The recurring reminder jobs. Hangfire may run a job twice (a retry, two servers): the scan's unique reminder key and
/// the digest's compare-and-swap claim make that harmless; the locks here only save the wasted work.
/// </summary>
public sealed partial class ReminderJobs(IServiceScopeFactory scopes, ILogger<ReminderJobs> logger)
{
    public const string ScanJobId = "reminder-scan";
    public const string DispatchJobId = "reminder-dispatch";

    /// <summary>How the jobs are named in the history and the audit trail.</summary>
    public const string Actor = "系统提醒";

    /// <summary>
    /// Two scans (two job servers, a rescan by hand) can both find a reminder missing; the second save then meets the unique
    /// key, which the unit of work answers as a conflict, and scanning again finds the day recorded.
    /// </summary>
    private const int ScanAttempts = 3;

    /// <summary>The daily scan: every day since the last one scanned, through today.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task ScanAsync(CancellationToken cancellationToken) => CatchUpAsync(null, cancellationToken);

    /// <summary>
    /// Enqueued at every start of a host or worker running jobs: the days the scan missed while nothing ran, through
    /// <paramref name="through"/> (today once today's scan time has passed, else yesterday), so a stopped server or a
    /// storage that forgot its jobs loses no day.
    /// </summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task CatchUpAsync(DateOnly? through, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = SystemScope();
                var today = Domain.Common.ChinaCalendar.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
                var results = await scope.ServiceProvider.GetRequiredService<ReminderScan>().CatchUpAsync(through ?? today, cancellationToken);
                foreach (var result in results)
                {
                    LogScanned(result.Day, result.ItemsScanned, result.RemindersCreated, result.NotificationsCreated);
                }

                break;
            }
            catch (ConcurrencyConflictException e) when (attempt < ScanAttempts)
            {
                LogScanRaced(e, attempt);
            }
        }

        await DispatchAsync(cancellationToken);
    }

    /// <summary>Runs every minute: new messages reach inboxes at once, and failed emails are retried when their back-off ends.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        // Each command delivers a bounded batch in its own short transaction; a large scan's messages take several.
        var delivered = new DeliveryResult(0, 0, 0);
        DeliveryResult batch;
        do
        {
            batch = await SendAsync(new DeliverNotificationsCommand(), cancellationToken);
            delivered = new(
                delivered.Delivered + batch.Delivered, delivered.Cancelled + batch.Cancelled, delivered.QueuedForEmail + batch.QueuedForEmail, delivered.Joined + batch.Joined);
        }
        while (batch.Delivered + batch.Cancelled + batch.Joined > 0);

        await using var scope = SystemScope();
        var sent = await scope.ServiceProvider.GetRequiredService<EmailDigestSender>().SendDueAsync(cancellationToken);
        if (delivered.Delivered + delivered.Cancelled + sent > 0)
        {
            LogDispatched(delivered.Delivered, delivered.Cancelled, sent);
        }
    }

    /// <summary>Each step in its own scope, so a retry starts from a clean context, as the system rather than a user.</summary>
    private async Task<T> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        await using var scope = SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    private AsyncServiceScope SystemScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActingAs = Actor;
        return scope;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder scan for {Day}: {Items} items, {Reminders} reminders in {Notifications} messages")]
    private partial void LogScanned(DateOnly day, int items, int reminders, int notifications);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder scan attempt {Attempt} lost a race with another scan; scanning again")]
    private partial void LogScanRaced(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatched: {Delivered} to inboxes, {Cancelled} withdrawn, {Sent} email digests sent")]
    private partial void LogDispatched(int delivered, int cancelled, int sent);
}
