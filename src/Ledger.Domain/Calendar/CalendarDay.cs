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

public static class CalendarDayKinds
{
    /// <summary>The words of the State Council's notices: 放假 and 调休上班.</summary>
    public static string ToChinese(this CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "放假",
        CalendarDayKind.Workday => "调休上班",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Whether a day of this kind on <paramref name="date"/> departs from its weekday: 放假 on Monday to Friday, 调休上班
    /// on Saturday or Sunday. Notices list whole holiday ranges, weekends included, so a stored 放假 may fall on a weekend.
    /// </summary>
    public static bool ChangesWeekday(this CalendarDayKind kind, DateOnly date) =>
        (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) == (kind == CalendarDayKind.Workday);
}
