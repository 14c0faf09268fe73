namespace Ledger.Domain.Calendar;

/// <summary>Whether a <see cref="CalendarDay"/> takes a day off or puts a day to work.</summary>
public enum CalendarDayKind
{
    /// <summary>放假: a day off, whatever its weekday.</summary>
    Holiday = 1,

    /// <summary>调休上班: a weekend day worked in exchange for a day off nearby.</summary>
    Workday = 2,
}

/// <summary>
/// One day on which China's calendar departs from "Monday to Friday": a public holiday (春节, 国庆节…) or a weekend
/// day made a workday (调休上班). <see cref="Name"/> is what the notice calls it, e.g. 春节 or 春节调休上班.
/// </summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
