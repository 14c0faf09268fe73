using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Calendar;

/// <summary>
/// The administrator removes a date's holiday or 调休 entry, so it follows its weekday again. The calendar is reference
/// data, not ledger history: the entry is deleted, and the command's audit record keeps what it said.
/// </summary>
[Allowed(Roles.Admin)]
public sealed record DeleteCalendarDayCommand(DateOnly Date, Guid Version) : ICommand<Unit>, IChangesWorkingCalendar;

internal sealed class DeleteCalendarDayCommandValidator : AbstractValidator<DeleteCalendarDayCommand>
{
    public DeleteCalendarDayCommandValidator() => RuleFor(x => x.Version).RequiredId();
}

internal sealed class DeleteCalendarDayCommandHandler(ILedgerDbContext db) : IRequestHandler<DeleteCalendarDayCommand, Unit>
{
    public async Task<Unit> Handle(DeleteCalendarDayCommand request, CancellationToken cancellationToken)
    {
        var entry = await db.CalendarEntries.SingleOrDefaultAsync(e => e.Date == request.Date, cancellationToken)
            ?? throw new NotFoundException(CalendarDates.What);
        if (entry.Version != request.Version)
        {
            throw new ConcurrencyConflictException(entry.Version);
        }

        db.CalendarEntries.Remove(entry);
        return Unit.Value;
    }
}
