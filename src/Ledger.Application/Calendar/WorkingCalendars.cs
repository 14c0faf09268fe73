using Ledger.Application.Common;
using Ledger.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Calendar;

/// <summary>The working calendar as stored, read again after an edit here and every few minutes for edits elsewhere.</summary>
public sealed class WorkingCalendars(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private (WorkingCalendar Calendar, DateTimeOffset LoadedAt)? _cached;

    public async Task<WorkingCalendar> CurrentAsync(ILedgerDbContext db, CancellationToken cancellationToken)
    {
        if (_cached is { } cached && clock.GetUtcNow() - cached.LoadedAt < Lifetime)
        {
            return cached.Calendar;
        }

        var days = await db.CalendarEntries.AsNoTracking().Select(e => new CalendarDay(e.Date, e.Kind, e.Name)).ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(days);
        _cached = (calendar, clock.GetUtcNow());
        return calendar;
    }

    public void Invalidate() => _cached = null;
}
