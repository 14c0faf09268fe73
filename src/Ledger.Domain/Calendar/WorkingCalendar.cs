using System.Collections.Frozen;

namespace Ledger.Domain.Calendar;

/// <summary>
/// China's working days, from data: Monday to Friday work and Saturday and Sunday rest, except on the days the
/// State Council's yearly notice (国务院办公厅关于部分节假日安排的通知) gives off or swaps in (调休), which are
/// listed as <see cref="CalendarDay"/>s. Immutable. <see cref="IsWorkingDay"/> is a lookup and
/// <see cref="WorkingDaysBetween"/> two binary searches, whatever the span; <see cref="AddWorkingDays"/> steps day by
/// day, so it costs the days it moves over.
/// </summary>
/// <remarks>
/// A year with no notice in the data falls back to weekdays only; <see cref="Covers(int)"/> says which years have
/// data, so a caller can warn that a count is approximate.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly FrozenDictionary<DateOnly, CalendarDay> _days;
    private readonly CalendarDay[] _ordered;
    private readonly FrozenSet<int> _years;
    private readonly int[] _orderedYears;

    // The days whose status differs from their weekday's (a weekday off, a weekend worked), by DayNumber, with the
    // running total of their effect (+1 a weekend worked, −1 a weekday off) up to and including each one.
    private readonly int[] _shiftDayNumbers;
    private readonly int[] _shiftTotals;

    /// <summary>Weekdays only: no holidays, no 调休, no year covered.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>A calendar of <paramref name="days"/>, covering the years those days fall in.</summary>
    public WorkingCalendar(IEnumerable<CalendarDay> days)
        : this(null, Materialise(days))
    {
    }

    /// <summary>
    /// A calendar of <paramref name="days"/> that claims to be complete for <paramref name="coveredYears"/>: pass the
    /// years whose notices were loaded, since a notice can list a day of the year next to it (元旦 from 12月31日).
    /// </summary>
    public WorkingCalendar(IEnumerable<CalendarDay> days, IEnumerable<int> coveredYears)
        : this(coveredYears ?? throw new ArgumentNullException(nameof(coveredYears)), Materialise(days))
    {
    }

    private WorkingCalendar(IEnumerable<int>? coveredYears, CalendarDay[] days)
    {
        var byDate = new Dictionary<DateOnly, CalendarDay>(days.Length);
        foreach (var day in days)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(days));
            if (!Enum.IsDefined(day.Kind))
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} has no valid kind ({day.Kind}).", nameof(days));
            }

            if (string.IsNullOrWhiteSpace(day.Name))
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} has no name.", nameof(days));
            }

            if (!byDate.TryAdd(day.Date, day))
            {
                throw new ArgumentException(
                    $"{day.Date:yyyy-MM-dd} is listed twice ({byDate[day.Date].Name}, {day.Name}).", nameof(days));
            }
        }

        _days = byDate.ToFrozenDictionary();
        _ordered = [.. byDate.Values.OrderBy(d => d.Date)];
        _years = (coveredYears ?? _ordered.Select(d => d.Date.Year)).ToFrozenSet();
        _orderedYears = [.. _years.Order()];

        var shifts = _ordered.Where(d => IsWeekday(d.Date) != (d.Kind == CalendarDayKind.Workday)).ToArray();
        _shiftDayNumbers = new int[shifts.Length];
        _shiftTotals = new int[shifts.Length];
        var total = 0;
        for (var i = 0; i < shifts.Length; i++)
        {
            total += shifts[i].Kind == CalendarDayKind.Workday ? 1 : -1;
            _shiftDayNumbers[i] = shifts[i].Date.DayNumber;
            _shiftTotals[i] = total;
        }
    }

    /// <summary>The listed days, in date order.</summary>
    public IReadOnlyList<CalendarDay> Days => _ordered;

    /// <summary>The years the data is complete for, in order.</summary>
    public IReadOnlyList<int> Years => _orderedYears;

    /// <summary>Whether <paramref name="year"/>'s notice is in the data; if not, that year counts weekdays only.</summary>
    public bool Covers(int year) => _years.Contains(year);

    /// <summary>Whether every year from <paramref name="from"/>'s to <paramref name="to"/>'s (either order) is covered.</summary>
    public bool Covers(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var year = first; year <= last; year++)
        {
            if (!_years.Contains(year))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The listed holiday or 调休 workday on <paramref name="date"/>, or null for an ordinary day.</summary>
    public CalendarDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>A listed day decides; otherwise Monday to Friday are working days and Saturday and Sunday are not.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _days.TryGetValue(date, out var day) ? day.Kind == CalendarDayKind.Workday : IsWeekday(date);

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>, i.e. in
    /// (from, to]; negative, with the same size, when <paramref name="to"/> is before <paramref name="from"/>, so
    /// <c>WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a)</c> and a date is 0 days from itself.
    /// </summary>
    /// <remarks>
    /// <para>This is the count a deadline needs. Days left: <c>WorkingDaysBetween(today, due)</c>; days overdue:
    /// <c>WorkingDaysBetween(due, today)</c>. With a deadline on Friday 2025-01-24 (before the 春节 break of 1月28日
    /// to 2月4日, with Sunday 1月26日 and Saturday 2月8日 worked):</para>
    /// <list type="bullet">
    /// <item>on Wednesday 1月22日: 2 (Thursday, Friday) — 还剩2个工作日;</item>
    /// <item>on Friday 1月24日: 0 — 今天到期;</item>
    /// <item>on Sunday 1月26日 (调休上班): −1, i.e. one working day overdue;</item>
    /// <item>on Wednesday 2月5日: −3 (Sunday 1月26日, Monday 1月27日, Wednesday 2月5日) — 已超期3个工作日.</item>
    /// </list>
    /// <para>A deadline on a day off counts as the last working day before it: on that working day and on the days
    /// off up to the deadline the count is 0, and it reaches −1 on the first working day after the deadline.</para>
    /// </remarks>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => WorkingDaysThrough(to) - WorkingDaysThrough(from);

    /// <summary>
    /// The working day <paramref name="days"/> working days after <paramref name="date"/> (before it, when negative),
    /// not counting <paramref name="date"/> itself: from Friday 2025-01-24, +1 is Sunday 1月26日 (调休上班) and +2 is
    /// Monday 1月27日; from Wednesday 2月5日, −1 is Monday 1月27日. 0 returns <paramref name="date"/> unchanged,
    /// working or not.
    /// </summary>
    /// <remarks>
    /// When <paramref name="date"/> is a working day, <c>WorkingDaysBetween(date, AddWorkingDays(date, n)) == n</c>.
    /// To ask "is today three working days before the deadline", compare <see cref="WorkingDaysBetween"/> with 3
    /// rather than stepping back from a deadline that may fall on a day off.
    /// </remarks>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        var left = Math.Abs((long)days);
        while (left > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>The first working day strictly after <paramref name="date"/>: from Friday 2025-01-24, Sunday 1月26日.</summary>
    public DateOnly NextWorkingDayAfter(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// <paramref name="date"/> itself when it is a working day, else the first working day after it: from 2025-10-01
    /// (国庆节、中秋节), Thursday 10月9日.
    /// </summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDayAfter(date);

    /// <summary>
    /// <paramref name="date"/> itself when it is a working day, else the last working day before it: from Saturday
    /// 2025-01-25, Friday 1月24日. Both have the same working days up to them, so counts from either agree.
    /// </summary>
    public DateOnly WorkingDayOnOrBefore(DateOnly date) => IsWorkingDay(date) ? date : AddWorkingDays(date, -1);

    /// <summary>
    /// How a deadline reads today, in working days: 还剩3个工作日, 今天到期 or 已超期5个工作日 (see
    /// <see cref="WorkingDaysBetween"/> for the count).
    /// </summary>
    public string DescribeDeadline(DateOnly today, DateOnly due) => DescribeWorkingDaysLeft(WorkingDaysBetween(today, due));

    /// <summary>
    /// The wording for <c>WorkingDaysBetween(today, due)</c>: 3 → 还剩3个工作日, 0 → 今天到期, −5 → 已超期5个工作日.
    /// </summary>
    public static string DescribeWorkingDaysLeft(int workingDaysLeft) => workingDaysLeft switch
    {
        > 0 => $"还剩{workingDaysLeft}个工作日",
        0 => "今天到期",
        _ => $"已超期{-(long)workingDaysLeft}个工作日",
    };

    /// <summary>Working days from DateOnly.MinValue through <paramref name="date"/>, so differences count (from, to].</summary>
    private int WorkingDaysThrough(DateOnly date)
    {
        var dayNumber = date.DayNumber;
        var index = Array.BinarySearch(_shiftDayNumbers, dayNumber);
        var shiftsThrough = index >= 0 ? index + 1 : ~index;
        return WeekdaysThrough(dayNumber) + (shiftsThrough == 0 ? 0 : _shiftTotals[shiftsThrough - 1]);
    }

    /// <summary>Mondays to Fridays among day numbers 0 to <paramref name="dayNumber"/>; day 0 (0001-01-01) is a Monday.</summary>
    private static int WeekdaysThrough(int dayNumber)
    {
        var (weeks, rest) = Math.DivRem(dayNumber + 1, 7);
        return weeks * 5 + Math.Min(rest, 5);
    }

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static CalendarDay[] Materialise(IEnumerable<CalendarDay> days) =>
        [.. days ?? throw new ArgumentNullException(nameof(days))];
}
