using Ledger.Domain.Common;
using Ledger.Domain.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>What a scan found and recorded.</summary>
/// <param name="IsRemindingDay">False on a day off (unless the office reminds on days off): nothing is planned.</param>
public sealed record ReminderScanResult(DateOnly Day, bool IsRemindingDay, int ItemsScanned, int RemindersCreated, int NotificationsCreated);

/// <summary>
/// The deadline scan, as the daily job and the administrator run it: plans without holding the database, then records
/// in batches, so users' own changes wait a second or so at most even on the first scan of a large backlog. A day is
/// recorded as scanned (<see cref="ReminderScanDay"/>) only once all of it is recorded; the daily job scans every day
/// since the last one so recorded (<see cref="CatchUpAsync"/>), so no day's reminders are lost to a crash or a stop.
/// </summary>
public sealed class ReminderScan(IMediator mediator, Common.ILedgerDbContext db, Common.IUnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>Reminders per recording transaction; a list message is never split across two.</summary>
    public const int RemindersPerBatch = 5_000;

    /// <summary>
    /// The most days one catch-up scans, today included: a server stopped longer than this resumes with the last ten days
    /// rather than flooding inboxes with weeks of stale reminders.
    /// </summary>
    public const int MaxCatchUpDays = 10;

    /// <summary>
    /// Scans, in order, every day after the last one scanned through <paramref name="through"/> (at most
    /// <see cref="MaxCatchUpDays"/>), with the same keys as on the day itself, so a day scanned in part before is
    /// completed and nothing is sent twice. A ledger never scanned starts with <paramref name="through"/>.
    /// </summary>
    public async Task<IReadOnlyList<ReminderScanResult>> CatchUpAsync(DateOnly through, CancellationToken cancellationToken)
    {
        var last = await db.ReminderScanDays.AsNoTracking().Where(d => d.Day <= through)
            .OrderByDescending(d => d.Day).Select(d => (DateOnly?)d.Day).FirstOrDefaultAsync(cancellationToken);
        var first = last is { } done ? done.AddDays(1) : through;
        if (first.DayNumber <= through.DayNumber - MaxCatchUpDays)
        {
            first = through.AddDays(1 - MaxCatchUpDays);
        }

        var results = new List<ReminderScanResult>();
        for (var day = first; day <= through; day = day.AddDays(1))
        {
            results.Add(await RunAsync(day, cancellationToken));
        }

        return results;
    }

    /// <summary>Scans one day (today in China when none is given) and records it as scanned.</summary>
    public async Task<ReminderScanResult> RunAsync(DateOnly? day, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(new PlanRemindersQuery(day ?? ChinaCalendar.Today(clock)), cancellationToken);
        int reminders = 0, messages = 0;
        var batches = Batches(plan.Messages).ToList();
        for (var i = 0; i < Math.Max(batches.Count, 1); i++)
        {
            var last = i >= batches.Count - 1;
            var recorded = await mediator.Send(new RecordRemindersCommand(plan.Day, i < batches.Count ? batches[i] : [], CompletesDay: last), cancellationToken);
            reminders += recorded.Reminders;
            messages += recorded.Messages;

            // Saved: the next batch need not drag these along through its change detection.
            unitOfWork.ForgetTracked();
        }

        return new(plan.Day, plan.IsRemindingDay, plan.ItemsScanned, reminders, messages);
    }

    private static IEnumerable<List<PlannedMessage>> Batches(IEnumerable<PlannedMessage> messages)
    {
        var batch = new List<PlannedMessage>();
        var size = 0;
        foreach (var message in messages)
        {
            if (size > 0 && size + message.Reminders.Count > RemindersPerBatch)
            {
                yield return batch;
                (batch, size) = ([], 0);
            }

            batch.Add(message);
            size += message.Reminders.Count;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
