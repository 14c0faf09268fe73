using Ledger.Domain.Calendar;

namespace Ledger.Domain.Tests.Calendar;

/// <summary>
/// The 2025 and 2026 notices written out by hand (国办发明电〔2024〕12号, 国办发明电〔2025〕7号), so the domain
/// tests do not depend on the seed file's loader; the Application tests check the seed file itself.
/// </summary>
internal static class Notices
{
    public static readonly WorkingCalendar China2025And2026 = new(
    [
        .. Holiday("元旦", D(2025, 1, 1), D(2025, 1, 1)),
        .. Holiday("春节", D(2025, 1, 28), D(2025, 2, 4)),
        Workday(D(2025, 1, 26), "春节调休上班"),
        Workday(D(2025, 2, 8), "春节调休上班"),
        .. Holiday("清明节", D(2025, 4, 4), D(2025, 4, 6)),
        .. Holiday("劳动节", D(2025, 5, 1), D(2025, 5, 5)),
        Workday(D(2025, 4, 27), "劳动节调休上班"),
        .. Holiday("端午节", D(2025, 5, 31), D(2025, 6, 2)),
        .. Holiday("国庆节、中秋节", D(2025, 10, 1), D(2025, 10, 8)),
        Workday(D(2025, 9, 28), "国庆节、中秋节调休上班"),
        Workday(D(2025, 10, 11), "国庆节、中秋节调休上班"),

        .. Holiday("元旦", D(2026, 1, 1), D(2026, 1, 3)),
        Workday(D(2026, 1, 4), "元旦调休上班"),
        .. Holiday("春节", D(2026, 2, 15), D(2026, 2, 23)),
        Workday(D(2026, 2, 14), "春节调休上班"),
        Workday(D(2026, 2, 28), "春节调休上班"),
        .. Holiday("清明节", D(2026, 4, 4), D(2026, 4, 6)),
        .. Holiday("劳动节", D(2026, 5, 1), D(2026, 5, 5)),
        Workday(D(2026, 5, 9), "劳动节调休上班"),
        .. Holiday("端午节", D(2026, 6, 19), D(2026, 6, 21)),
        .. Holiday("中秋节", D(2026, 9, 25), D(2026, 9, 27)),
        .. Holiday("国庆节", D(2026, 10, 1), D(2026, 10, 7)),
        Workday(D(2026, 9, 20), "国庆节调休上班"),
        Workday(D(2026, 10, 10), "国庆节调休上班"),
    ]);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static IEnumerable<CalendarDay> Holiday(string name, DateOnly from, DateOnly to)
    {
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            yield return new CalendarDay(date, CalendarDayKind.Holiday, name);
        }
    }

    public static CalendarDay Workday(DateOnly date, string name) => new(date, CalendarDayKind.Workday, name);
}
