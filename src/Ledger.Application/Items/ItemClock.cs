using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Settings;
using Ledger.Domain.Calendar;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>
/// What an item's deadline is judged against today: China's date, the stored working calendar and the office's 临期
/// threshold (<see cref="Domain.Settings.ReminderSettings.DueSoonWorkingDays"/>), read once per request.
/// </summary>
internal sealed record ItemClock(DateOnly Today, WorkingCalendar Calendar, int DueSoonWorkingDays)
{
    public DateOnly DueSoonEnd { get; } = DeadlineWarnings.DueSoonEnd(Calendar, Today, DueSoonWorkingDays);

    /// <param name="dueSoonWorkingDays">A threshold the request names instead of the office's.</param>
    public static async Task<ItemClock> ReadAsync(
        ILedgerDbContext db, RequestContext context, WorkingCalendars calendars, CancellationToken cancellationToken, int? dueSoonWorkingDays = null) =>
        new(
            context.Today,
            await calendars.CurrentAsync(db, cancellationToken),
            dueSoonWorkingDays ?? (await db.CurrentReminderSettingsAsync(cancellationToken)).DueSoonWorkingDays);

    public WarningLevel LevelOf(ItemStatus status, Deadline deadline) => DeadlineWarnings.LevelOf(status, deadline, Today, DueSoonEnd);
}
