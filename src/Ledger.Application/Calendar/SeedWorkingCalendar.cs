using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Calendar;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Calendar;

/// <summary>
/// The host, at start-up, adds each year of the working-calendar file that the stored calendar has no entry for: a fresh
/// database gets every year, and a later file with a new year adds that year without touching the administrator's
/// edits of earlier ones. A date already stored is never overwritten.
/// </summary>
[Allowed] // The host only: no user sends it.
public sealed record SeedWorkingCalendarCommand(WorkingCalendarFile File) : ICommand<CalendarSeedResult>, IChangesWorkingCalendar;

/// <param name="YearsAdded">The file's years that had no entry and were added, in order.</param>
public sealed record CalendarSeedResult(IReadOnlyList<int> YearsAdded, int DaysAdded);

internal sealed class SeedWorkingCalendarCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<SeedWorkingCalendarCommand, CalendarSeedResult>
{
    public async Task<CalendarSeedResult> Handle(SeedWorkingCalendarCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request.File);
        var stored = (await db.CalendarEntries.AsNoTracking().Select(e => e.Date).ToListAsync(cancellationToken)).ToHashSet();
        var storedYears = stored.Select(d => d.Year).ToHashSet();
        var stamp = context.Stamp();
        var years = new List<int>();
        var days = 0;
        foreach (var year in request.File.Years.Where(y => !storedYears.Contains(y.Year)))
        {
            // A notice may list a day of the year next to it (元旦 from 12月31日); one stored already stays as it is.
            foreach (var day in year.Days.Where(d => stored.Add(d.Date)))
            {
                db.CalendarEntries.Add(CalendarEntry.Create(day, stamp));
                days++;
            }

            years.Add(year.Year);
        }

        return new CalendarSeedResult(years, days);
    }
}
