using MediatR;

namespace Ledger.Application.Reminders;

/// <summary>What a scan found and recorded.</summary>
/// <param name="IsRemindingDay">False on a day off (unless the office reminds on days off): nothing is planned.</param>
public sealed record ReminderScanResult(DateOnly Day, bool IsRemindingDay, int ItemsScanned, int RemindersCreated, int NotificationsCreated);

/// <summary>
/// The deadline scan, as the daily job and the administrator run it: plans without holding the database, then records
/// in batches, so users' own changes wait a second or so at most even on the first scan of a large backlog.
/// </summary>
public sealed class ReminderScan(IMediator mediator, Common.ILedgerDbContext db)
{
    /// <summary>Reminders per recording transaction; a weekly list is never split across two.</summary>
    public const int RemindersPerBatch = 5_000;

    public async Task<ReminderScanResult> RunAsync(DateOnly? day, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(new PlanRemindersQuery(day), cancellationToken);
        int reminders = 0, messages = 0;
        foreach (var batch in Batches(plan.Messages))
        {
            var recorded = await mediator.Send(new RecordRemindersCommand(plan.Day, batch), cancellationToken);
            reminders += recorded.Reminders;
            messages += recorded.Messages;

            // Saved: the next batch need not drag these along through its change detection.
            db.ChangeTracker.Clear();
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
