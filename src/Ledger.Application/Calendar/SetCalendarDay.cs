using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Calendar;
using Ledger.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Calendar;

/// <summary>
/// The administrator makes <see cref="Date"/> a holiday (放假) or a weekend day worked (调休上班), or changes the entry
/// it has: when a new year's notice comes out, or a local arrangement differs from it.
/// </summary>
/// <param name="Version">The version read when the date has an entry; null when it had none.</param>
[Allowed(Roles.Admin)]
public sealed record SetCalendarDayCommand(DateOnly Date, CalendarDayKind Kind, string Name, Guid? Version) : ICommand<CalendarDayDto>, IChangesWorkingCalendar;

internal sealed class SetCalendarDayCommandValidator : AbstractValidator<SetCalendarDayCommand>
{
    public const int MaxNameLength = 50;

    public SetCalendarDayCommandValidator()
    {
        RuleFor(x => x.Date).Must(d => d.Year is >= CalendarDates.FirstYear and <= CalendarDates.LastYear)
            .WithMessage($"日期须在{CalendarDates.FirstYear}年至{CalendarDates.LastYear}年之间。");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("类型须为“放假”（Holiday）或“调休上班”（Workday）。");
        RuleFor(x => x.Name).RequiredText(MaxNameLength);
    }
}

internal sealed class SetCalendarDayCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<SetCalendarDayCommand, CalendarDayDto>
{
    public async Task<CalendarDayDto> Handle(SetCalendarDayCommand request, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        var entry = await db.CalendarEntries.SingleOrDefaultAsync(e => e.Date == request.Date, cancellationToken);
        if (entry is null)
        {
            // The user edits an entry that someone has removed since they read it.
            if (request.Version is not null)
            {
                throw new ConcurrencyConflictException(null);
            }

            EnsureChangesWeekday(request);
            entry = db.CalendarEntries.Add(CalendarEntry.Create(new CalendarDay(request.Date, request.Kind, request.Name), stamp)).Entity;
        }
        else
        {
            if (request.Version != entry.Version)
            {
                throw new ConcurrencyConflictException(entry.Version);
            }

            // A stored 放假 on a weekend (notices list whole ranges) may still be renamed; only a new kind must matter.
            if (entry.Kind != request.Kind)
            {
                EnsureChangesWeekday(request);
            }

            entry.Change(request.Kind, request.Name, stamp);
        }

        return new CalendarDayDto(entry.Date, entry.Kind, entry.Kind.ToChinese(), entry.Name, entry.Version);
    }

    /// <summary>An entry that says what the weekday says already would change no count: refused, so the list stays meaningful.</summary>
    private static void EnsureChangesWeekday(SetCalendarDayCommand request)
    {
        if (!request.Kind.ChangesWeekday(request.Date))
        {
            throw FieldValidation.Error(
                nameof(SetCalendarDayCommand.Kind),
                request.Kind == CalendarDayKind.Workday
                    ? $"{ChinaCalendar.Format(request.Date)}是周一至周五，该日本来就是工作日，无需设为调休上班。"
                    : $"{ChinaCalendar.Format(request.Date)}是周六或周日，该日本来就是休息日，无需设为放假。");
        }
    }
}
