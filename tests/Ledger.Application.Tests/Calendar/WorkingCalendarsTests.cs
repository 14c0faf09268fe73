using Ledger.Application.Calendar;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Domain.Calendar;
using Ledger.Domain.Common;

namespace Ledger.Application.Tests.Calendar;

/// <summary>The calendar cached per server: read once, again after an edit here or after five minutes for edits elsewhere.</summary>
public sealed class WorkingCalendarsTests : IAsyncDisposable
{
    private static readonly DateOnly Wednesday = new(2025, 1, 22);

    private static readonly DateOnly Thursday = new(2025, 1, 23);

    private readonly ApplicationHarness _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<WorkingCalendar> CurrentAsync(WorkingCalendars calendars) => _app.ReadAsync(db => calendars.CurrentAsync(db, CancellationToken.None));

    /// <summary>As another server's edit arrives: straight into the table, past this server's commands.</summary>
    private Task<int> StoreHolidayAsync(DateOnly date) => _app.ReadAsync(db =>
    {
        db.CalendarEntries.Add(CalendarEntry.Create(new CalendarDay(date, CalendarDayKind.Holiday, "地方假日"), new ChangeStamp("别的服务器", _app.Clock)));
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task An_edit_made_elsewhere_is_seen_within_five_minutes()
    {
        using var calendars = new WorkingCalendars(_app.Clock);
        var first = await CurrentAsync(calendars);
        await StoreHolidayAsync(Wednesday);

        _app.Clock.Advance(WorkingCalendars.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Same(first, await CurrentAsync(calendars));

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var reloaded = await CurrentAsync(calendars);
        Assert.False(reloaded.IsWorkingDay(Wednesday));
        Assert.True(reloaded.Covers(2025));
    }

    [Fact]
    public async Task Invalidate_reads_the_stored_calendar_again_at_once()
    {
        using var calendars = new WorkingCalendars(_app.Clock);
        Assert.True((await CurrentAsync(calendars)).IsWorkingDay(Wednesday));
        await StoreHolidayAsync(Wednesday);

        calendars.Invalidate();

        Assert.False((await CurrentAsync(calendars)).IsWorkingDay(Wednesday));
    }

    /// <summary>
    /// The refused edit gets past validation into the handler, inside the refresh behaviour, and fails there (a stale
    /// version): a behaviour that dropped the cache before or whatever the outcome would show another server's
    /// edit here at once.
    /// </summary>
    [Fact]
    public async Task A_calendar_edit_drops_the_cached_calendar_once_committed_and_a_refused_one_keeps_it()
    {
        _app.User.SetupGet(u => u.Roles).Returns([Roles.Admin]);
        var calendars = _app.Service<WorkingCalendars>();
        var saved = await _app.SendAsync(new SetCalendarDayCommand(Wednesday, CalendarDayKind.Holiday, "地方假日", null));
        var cached = await CurrentAsync(calendars);
        Assert.False(cached.IsWorkingDay(Wednesday));
        await StoreHolidayAsync(Thursday);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _app.SendAsync(new SetCalendarDayCommand(Wednesday, CalendarDayKind.Holiday, "改名", Guid.NewGuid())));
        Assert.Same(cached, await CurrentAsync(calendars));

        await _app.SendAsync(new DeleteCalendarDayCommand(Wednesday, saved.Version));
        var reread = await CurrentAsync(calendars);
        Assert.True(reread.IsWorkingDay(Wednesday));
        Assert.False(reread.IsWorkingDay(Thursday));
    }
}
