using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Calendar;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Calendar;

/// <summary>A year's holidays and 调休 workdays as stored (this year in China when none is given): what working days count by.</summary>
[Allowed(Roles.Anyone)]
public sealed record GetCalendarYearQuery(int? Year) : IQuery<CalendarYearDto>;

internal sealed class GetCalendarYearQueryValidator : AbstractValidator<GetCalendarYearQuery>
{
    public GetCalendarYearQueryValidator() =>
        RuleFor(x => x.Year).InclusiveBetween(CalendarDates.FirstYear, CalendarDates.LastYear)
            .WithMessage($"年份须在{CalendarDates.FirstYear}年至{CalendarDates.LastYear}年之间。");
}

internal sealed class GetCalendarYearQueryHandler(ILedgerDbContext db, RequestContext context, WorkingCalendars calendars) : IRequestHandler<GetCalendarYearQuery, CalendarYearDto>
{
    public async Task<CalendarYearDto> Handle(GetCalendarYearQuery request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? context.Today.Year;
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.CalendarEntries.AsNoTracking()
            .Where(e => e.Date >= first && e.Date <= last)
            .OrderBy(e => e.Date)
            .Select(e => new { e.Date, e.Kind, e.Name, e.Version })
            .ToListAsync(cancellationToken);
        var coverage = await CalendarCoverage.OfAsync(db, await calendars.CurrentAsync(db, cancellationToken), context.Today, cancellationToken);
        return new CalendarYearDto(
            year,
            days.Count > 0,
            days.ConvertAll(d => new CalendarDayDto(d.Date, d.Kind, d.Kind.ToChinese(), d.Name, d.Version)),
            coverage.MissingYears,
            coverage.Warning);
    }
}

internal static class CalendarDates
{
    /// <summary>The years a calendar entry may fall in, as the working-calendar file accepts them.</summary>
    public const int FirstYear = 1949;

    public const int LastYear = 2100;

    public const string What = "该日的节假日或调休安排";
}
