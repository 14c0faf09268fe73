using FluentValidation;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Reminders;
using MediatR;

namespace Ledger.Application.Reminders;

/// <summary>
/// The deadline scan's writing half: records a batch of planned reminders with their messages in the outbox, in one
/// short transaction. Keys recorded meanwhile (a second server, a re-run) are checked again here and left out, and the
/// unique index refuses any that slip between the check and the insert.
/// </summary>
[Allowed(Roles.Admin)]
public sealed record RecordRemindersCommand(DateOnly Day, IReadOnlyList<PlannedMessage> Messages) : ICommand<RecordedReminders>;

public sealed record RecordedReminders(int Reminders, int Messages);

internal sealed class RecordRemindersCommandValidator : AbstractValidator<RecordRemindersCommand>
{
    public RecordRemindersCommandValidator()
    {
        RuleFor(x => x.Messages).NotEmpty();
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

        return new(reminders, messages);
    }
}
