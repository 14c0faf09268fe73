using FluentValidation;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>
/// The deadline scan's writing half: records a batch of planned reminders with their messages in the outbox, in one
/// short transaction. Keys recorded meanwhile (a second server, a re-run) are checked again here and left out, and the
/// unique index refuses any that slip between the check and the insert.
/// </summary>
/// <param name="CompletesDay">
/// The scan's last batch (empty when the day called for nothing): it also records the day as scanned, in the same
/// transaction, so the day's email digests may go out and the next catch-up starts after it.
/// </param>
[Allowed(Roles.Admin)]
public sealed record RecordRemindersCommand(DateOnly Day, IReadOnlyList<PlannedMessage> Messages, bool CompletesDay = false) : ICommand<RecordedReminders>;

public sealed record RecordedReminders(int Reminders, int Messages);

internal sealed class RecordRemindersCommandValidator : AbstractValidator<RecordRemindersCommand>
{
    public RecordRemindersCommandValidator()
    {
        RuleFor(x => x.Messages).NotEmpty().Unless(x => x.CompletesDay);
        RuleForEach(x => x.Messages).Must(m => m.Reminders.Count > 0 && m.Reminders.All(r => r.RecipientUserId == m.RecipientUserId && r.Kind == m.Kind))
            .WithMessage("提醒与通知不一致。");
    }
}

internal sealed class RecordRemindersCommandHandler(Common.ILedgerDbContext db, TimeProvider clock) : IRequestHandler<RecordRemindersCommand, RecordedReminders>
{
    public async Task<RecordedReminders> Handle(RecordRemindersCommand request, CancellationToken cancellationToken)
    {
        var recorded = await ReminderKeys.RecordedAsync(db, request.Messages.SelectMany(m => m.Reminders).Select(r => r.ItemId), request.Day, cancellationToken);
        var at = clock.GetUtcNow().UtcDateTime;
        int reminders = 0, messages = 0;
        foreach (var message in request.Messages)
        {
            var fresh = message.Reminders.Where(recorded.Add).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            var notification = db.Notifications.Add(
                Notification.Create(message.RecipientUserId, message.Kind, request.Day, message.Title, message.Body, message.ItemId, at)).Entity;
            messages++;
            foreach (var key in fresh)
            {
                db.Reminders.Add(Reminder.For(key, request.Day, notification.Id, at));
                reminders++;
            }
        }

        // Recording a day again (the administrator rescanning it) keeps the first completion; a racing scan that records
        // the day first makes this insert fail on the key, and the job then scans again and finds it done.
        if (request.CompletesDay && !await db.ReminderScanDays.AnyAsync(d => d.Day == request.Day, cancellationToken))
        {
            db.ReminderScanDays.Add(ReminderScanDay.Completed(request.Day, at));
        }

        return new(reminders, messages);
    }
}

