using Ledger.Application.Common;
using Ledger.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Calendar;

/// <summary>
/// The working calendar as stored in <c>CalendarEntries</c>, kept in memory for the whole server: lists and reminders ask
/// for it on every request, and it changes a few times a year. An edit on this server drops it at once
/// (<see cref="Invalidate"/>, called once the editing command has committed: see <see cref="IChangesWorkingCalendar"/>);
/// an edit on another server is seen within <see cref="MaxAge"/>.
/// </summary>
public sealed class WorkingCalendars(TimeProvider clock) : IDisposable
{
    /// <summary>
    /// How long a loaded calendar is used before it is read again, for edits made on other servers: a few seconds, so
    /// every node counts working days alike soon after an edit. A read is one small query (a few hundred rows).
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;
    private long _generation;

    /// <summary>The calendar as stored now, or as stored at most <see cref="MaxAge"/> ago.</summary>
    /// <param name="db">The caller's context; it is only read, untracked.</param>
    public async Task<WorkingCalendar> CurrentAsync(ILedgerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Fresh(Volatile.Read(ref _current)) is { } calendar)
        {
            return calendar;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(Volatile.Read(ref _current)) is { } loaded)
            {
                return loaded;
            }

            // An invalidation while this read runs may mean it read the calendar from before the edit: then it serves
            // this caller but is not kept, so the next caller reads again.
            var generation = Interlocked.Read(ref _generation);
            var loadedAt = clock.GetUtcNow();
            var days = await db.CalendarEntries.AsNoTracking()
                .Select(e => new CalendarDay(e.Date, e.Kind, e.Name))
                .ToListAsync(cancellationToken);
            calendar = new WorkingCalendar(days);
            if (Interlocked.Read(ref _generation) == generation)
            {
                Volatile.Write(ref _current, new Snapshot(calendar, loadedAt));
            }

            return calendar;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Drops the calendar held, so the next <see cref="CurrentAsync"/> reads the stored one.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
    }

    public void Dispose() => _loading.Dispose();

    private WorkingCalendar? Fresh(Snapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < MaxAge ? snapshot.Calendar : null;

    private sealed record Snapshot(WorkingCalendar Calendar, DateTimeOffset LoadedAt);
}

/// <summary>
/// A command that edits <c>CalendarEntries</c>. <see cref="WorkingCalendarRefreshBehavior{TRequest,TResponse}"/> drops
/// the cached calendar after it commits: dropping it from the handler, before the commit, would let a request running
/// meanwhile read and keep the calendar from before the edit.
/// </summary>
public interface IChangesWorkingCalendar;
