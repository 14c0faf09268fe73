using Ledger.Domain.Calendar;
using static Ledger.Domain.Tests.Calendar.Notices;

namespace Ledger.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = China2025And2026;

    [Fact]
    public void Without_data_Monday_to_Friday_work_and_the_weekend_rests()
    {
        var calendar = WorkingCalendar.WeekdaysOnly;

        // 2025-03-10 is a Monday.
        Assert.Equal(
            [true, true, true, true, true, false, false],
            Enumerable.Range(0, 7).Select(i => calendar.IsWorkingDay(D(2025, 3, 10).AddDays(i))));
        Assert.Equal(1, calendar.WorkingDaysBetween(D(2025, 3, 14), D(2025, 3, 17)));  // Friday → Monday
        Assert.Equal(0, calendar.WorkingDaysBetween(D(2025, 3, 14), D(2025, 3, 16)));  // Friday → Sunday
        Assert.Equal(5, calendar.WorkingDaysBetween(D(2025, 3, 10), D(2025, 3, 17)));  // Monday → Monday
        Assert.Equal(0, calendar.WorkingDaysBetween(D(2025, 3, 15), D(2025, 3, 16)));  // Saturday → Sunday
    }

    [Fact]
    public void A_date_is_zero_working_days_from_itself_working_or_not()
    {
        Assert.Equal(0, China.WorkingDaysBetween(D(2025, 3, 12), D(2025, 3, 12)));
        Assert.Equal(0, China.WorkingDaysBetween(D(2025, 1, 29), D(2025, 1, 29)));
        Assert.Equal(0, China.WorkingDaysBetween(D(2025, 3, 15), D(2025, 3, 15)));
    }

    [Fact]
    public void The_2025_Spring_Festival_rests_eight_days_and_works_two_weekend_days()
    {
        Assert.True(China.IsWorkingDay(D(2025, 1, 26)));   // Sunday, 调休上班
        Assert.True(China.IsWorkingDay(D(2025, 1, 27)));   // Monday
        for (var date = D(2025, 1, 28); date <= D(2025, 2, 4); date = date.AddDays(1))
        {
            Assert.False(China.IsWorkingDay(date), $"{date:yyyy-MM-dd} is 春节");
        }

        Assert.True(China.IsWorkingDay(D(2025, 2, 5)));
        Assert.True(China.IsWorkingDay(D(2025, 2, 8)));    // Saturday, 调休上班
        Assert.False(China.IsWorkingDay(D(2025, 2, 9)));   // Sunday

        // Friday 1月24日 → Monday 2月10日: 26日, 27日, 5日, 6日, 7日, 8日, 10日. Weekdays alone would say 11.
        Assert.Equal(7, China.WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 10)));
        Assert.Equal(11, WorkingCalendar.WeekdaysOnly.WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 10)));
    }

    [Fact]
    public void The_2025_National_Day_break_rests_eight_days_between_two_worked_weekend_days()
    {
        Assert.True(China.IsWorkingDay(D(2025, 9, 28)));   // Sunday, 调休上班
        Assert.Equal(8, Enumerable.Range(0, 8).Count(i => !China.IsWorkingDay(D(2025, 10, 1).AddDays(i))));
        Assert.True(China.IsWorkingDay(D(2025, 10, 9)));
        Assert.True(China.IsWorkingDay(D(2025, 10, 11)));  // Saturday, 调休上班

        // Friday 9月26日 → Monday 10月13日: 28日, 29日, 30日, 9日, 10日, 11日, 13日.
        Assert.Equal(7, China.WorkingDaysBetween(D(2025, 9, 26), D(2025, 10, 13)));
        Assert.Equal(D(2025, 10, 9), China.AddWorkingDays(D(2025, 9, 30), 1));
        Assert.Equal(D(2025, 9, 30), China.AddWorkingDays(D(2025, 10, 9), -1));
        Assert.Equal(D(2025, 10, 9), China.WorkingDayOnOrAfter(D(2025, 10, 1)));
    }

    [Fact]
    public void In_2026_new_year_and_the_Spring_Festival_swap_weekend_days()
    {
        Assert.False(China.IsWorkingDay(D(2026, 1, 2)));   // Friday, 元旦
        Assert.True(China.IsWorkingDay(D(2026, 1, 4)));    // Sunday, 调休上班
        Assert.True(China.IsWorkingDay(D(2026, 2, 14)));   // Saturday, 调休上班
        Assert.False(China.IsWorkingDay(D(2026, 2, 23)));  // Monday, 春节's last day
        Assert.True(China.IsWorkingDay(D(2026, 2, 28)));   // Saturday, 调休上班

        // Wednesday 12月31日 → Wednesday 1月7日: 4日, 5日, 6日, 7日.
        Assert.Equal(4, China.WorkingDaysBetween(D(2025, 12, 31), D(2026, 1, 7)));
        // Friday 2月13日 → Friday 2月27日: 14日, 24日, 25日, 26日, 27日.
        Assert.Equal(5, China.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 27)));
    }

    [Fact]
    public void The_deadline_example_in_the_documentation_holds()
    {
        var due = D(2025, 1, 24);

        Assert.Equal(2, China.WorkingDaysBetween(D(2025, 1, 22), due));
        Assert.Equal(0, China.WorkingDaysBetween(due, due));
        Assert.Equal(-1, China.WorkingDaysBetween(D(2025, 1, 26), due));
        Assert.Equal(-3, China.WorkingDaysBetween(D(2025, 2, 5), due));
        Assert.Equal(3, China.WorkingDaysBetween(due, D(2025, 2, 5)));

        Assert.Equal("还剩2个工作日", China.DescribeDeadline(D(2025, 1, 22), due));
        Assert.Equal("今天到期", China.DescribeDeadline(due, due));
        Assert.Equal("已超期1个工作日", China.DescribeDeadline(D(2025, 1, 26), due));
        Assert.Equal("已超期3个工作日", China.DescribeDeadline(D(2025, 2, 5), due));
    }

    [Fact]
    public void A_span_backwards_is_the_same_count_negated()
    {
        var random = new Random(20250128);
        for (var i = 0; i < 2_000; i++)
        {
            var a = D(2024, 11, 1).AddDays(random.Next(900));
            var b = a.AddDays(random.Next(-60, 61));
            Assert.Equal(-China.WorkingDaysBetween(a, b), China.WorkingDaysBetween(b, a));
        }
    }

    [Fact]
    public void A_deadline_on_a_day_off_is_due_on_the_last_working_day_before_it()
    {
        var due = D(2025, 2, 1);   // Saturday inside 春节

        Assert.Equal(2, China.WorkingDaysBetween(D(2025, 1, 24), due));     // 26日, 27日
        Assert.Equal(0, China.WorkingDaysBetween(D(2025, 1, 27), due));     // the last working day before
        Assert.Equal(0, China.WorkingDaysBetween(D(2025, 2, 3), due));      // still inside the break
        Assert.Equal(-1, China.WorkingDaysBetween(D(2025, 2, 5), due));     // the first working day after
    }

    [Fact]
    public void Counting_matches_a_day_by_day_walk_across_covered_and_uncovered_years()
    {
        var random = new Random(20251001);
        for (var i = 0; i < 5_000; i++)
        {
            var from = D(2023, 12, 1).AddDays(random.Next(1_200));
            var to = from.AddDays(random.Next(-400, 401));
            Assert.Equal(Walk(China, from, to), China.WorkingDaysBetween(from, to));
        }
    }

    [Fact]
    public void Counting_is_exact_over_the_whole_range_of_dates()
    {
        var weekdays = 0;
        for (var date = DateOnly.MinValue.AddDays(1); ; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                weekdays++;
            }

            if (date == DateOnly.MaxValue)
            {
                break;
            }
        }

        Assert.Equal(weekdays, WorkingCalendar.WeekdaysOnly.WorkingDaysBetween(DateOnly.MinValue, DateOnly.MaxValue));
        // 2025 gives 18 weekdays off and works 5 weekend days; 2026 gives 19 and works 6.
        Assert.Equal(weekdays - 18 + 5 - 19 + 6, China.WorkingDaysBetween(DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Fact]
    public void Adding_working_days_steps_over_days_off_and_lands_on_a_working_day()
    {
        Assert.Equal(D(2025, 1, 26), China.AddWorkingDays(D(2025, 1, 24), 1));   // Sunday, 调休上班
        Assert.Equal(D(2025, 1, 27), China.AddWorkingDays(D(2025, 1, 24), 2));
        Assert.Equal(D(2025, 2, 5), China.AddWorkingDays(D(2025, 1, 24), 3));
        Assert.Equal(D(2025, 1, 27), China.AddWorkingDays(D(2025, 2, 5), -1));
        Assert.Equal(D(2025, 1, 24), China.AddWorkingDays(D(2025, 2, 5), -3));
        Assert.Equal(D(2025, 1, 29), China.AddWorkingDays(D(2025, 1, 29), 0));    // unchanged, though a holiday
    }

    [Fact]
    public void Adding_n_working_days_to_a_working_day_is_n_working_days_away()
    {
        for (var date = D(2024, 12, 1); date <= D(2027, 1, 31); date = date.AddDays(1))
        {
            foreach (var n in (int[])[-15, -7, -3, -1, 1, 2, 5, 10, 15])
            {
                var result = China.AddWorkingDays(date, n);
                Assert.True(China.IsWorkingDay(result), $"{date:yyyy-MM-dd} {n:+#;-#}: {result:yyyy-MM-dd} is a day off");
                if (n > 0 || China.IsWorkingDay(date))
                {
                    Assert.Equal(n, China.WorkingDaysBetween(date, result));
                }
            }
        }
    }

    [Fact]
    public void The_next_working_day_after_a_date_is_never_the_date_itself()
    {
        Assert.Equal(D(2025, 3, 13), China.NextWorkingDayAfter(D(2025, 3, 12)));   // Wednesday → Thursday
        Assert.Equal(D(2025, 3, 17), China.NextWorkingDayAfter(D(2025, 3, 14)));   // Friday → Monday
        Assert.Equal(D(2025, 2, 5), China.NextWorkingDayAfter(D(2025, 1, 27)));    // over 春节

        Assert.Equal(D(2025, 3, 12), China.WorkingDayOnOrAfter(D(2025, 3, 12)));   // a working day stays
        Assert.Equal(D(2025, 3, 17), China.WorkingDayOnOrAfter(D(2025, 3, 15)));   // Saturday → Monday
        Assert.Equal(D(2025, 1, 26), China.WorkingDayOnOrAfter(D(2025, 1, 25)));   // Saturday → Sunday, 调休上班

        Assert.Equal(D(2025, 3, 12), China.WorkingDayOnOrBefore(D(2025, 3, 12)));  // a working day stays
        Assert.Equal(D(2025, 1, 24), China.WorkingDayOnOrBefore(D(2025, 1, 25)));  // Saturday → Friday
        Assert.Equal(D(2025, 1, 27), China.WorkingDayOnOrBefore(D(2025, 2, 1)));   // 春节 → the Monday before it
        Assert.Equal(0, China.WorkingDaysBetween(China.WorkingDayOnOrBefore(D(2025, 2, 1)), D(2025, 2, 1)));
    }

    [Fact]
    public void Days_left_read_in_Chinese()
    {
        Assert.Equal("还剩3个工作日", WorkingCalendar.DescribeWorkingDaysLeft(3));
        Assert.Equal("还剩1个工作日", WorkingCalendar.DescribeWorkingDaysLeft(1));
        Assert.Equal("今天到期", WorkingCalendar.DescribeWorkingDaysLeft(0));
        Assert.Equal("已超期5个工作日", WorkingCalendar.DescribeWorkingDaysLeft(-5));
        Assert.Equal("已超期2147483648个工作日", WorkingCalendar.DescribeWorkingDaysLeft(int.MinValue));
    }

    [Fact]
    public void A_listed_day_wins_over_its_weekday_and_is_found_by_name()
    {
        var calendar = new WorkingCalendar(
        [
            new CalendarDay(D(2030, 3, 6), CalendarDayKind.Holiday, "测试假日"),     // Wednesday
            new CalendarDay(D(2030, 3, 9), CalendarDayKind.Workday, "测试调休"),     // Saturday
            new CalendarDay(D(2030, 3, 10), CalendarDayKind.Holiday, "周日假日"),    // Sunday: off anyway
            new CalendarDay(D(2030, 3, 11), CalendarDayKind.Workday, "周一上班"),    // Monday: working anyway
        ]);

        Assert.False(calendar.IsWorkingDay(D(2030, 3, 6)));
        Assert.True(calendar.IsWorkingDay(D(2030, 3, 9)));
        Assert.False(calendar.IsWorkingDay(D(2030, 3, 10)));
        Assert.True(calendar.IsWorkingDay(D(2030, 3, 11)));
        // Monday 4日 → Monday 11日: 5日, 7日, 8日, 9日, 11日.
        Assert.Equal(5, calendar.WorkingDaysBetween(D(2030, 3, 4), D(2030, 3, 11)));
        Assert.Equal("测试调休", calendar.Find(D(2030, 3, 9))?.Name);
        Assert.Null(calendar.Find(D(2030, 3, 12)));
        Assert.Equal("春节", China.Find(D(2025, 1, 29))?.Name);
    }

    [Fact]
    public void Years_with_data_are_covered_and_others_are_not()
    {
        Assert.True(China.Covers(2025));
        Assert.True(China.Covers(2026));
        Assert.False(China.Covers(2024));
        Assert.False(China.Covers(2027));
        Assert.Equal([2025, 2026], China.Years);
        Assert.True(China.Covers(D(2026, 12, 31), D(2025, 1, 1)));
        Assert.False(China.Covers(D(2026, 12, 1), D(2027, 1, 5)));
        Assert.False(WorkingCalendar.WeekdaysOnly.Covers(2025));

        // Covered years can be given: a notice may list a day of the year before (元旦 from 12月31日).
        var explicitYears = new WorkingCalendar([new CalendarDay(D(2022, 12, 31), CalendarDayKind.Holiday, "元旦")], [2023]);
        Assert.True(explicitYears.Covers(2023));
        Assert.False(explicitYears.Covers(2022));
    }

    [Fact]
    public void A_date_listed_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingCalendar(
        [
            new CalendarDay(D(2025, 1, 26), CalendarDayKind.Workday, "春节调休上班"),
            new CalendarDay(D(2025, 1, 26), CalendarDayKind.Holiday, "春节"),
        ]));
        Assert.Contains("2025-01-26", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_without_a_kind_or_a_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([new CalendarDay(D(2025, 1, 1), default, "元旦")]));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([new CalendarDay(D(2025, 1, 1), CalendarDayKind.Holiday, " ")]));
    }

    [Fact]
    public void Counting_a_few_weeks_allocates_nothing()
    {
        var today = D(2025, 1, 2);
        var sum = 0L;
        for (var i = 0; i < 1_000; i++)
        {
            sum += China.WorkingDaysBetween(today, today.AddDays(i % 60));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            sum += China.WorkingDaysBetween(today, today.AddDays(i % 60));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    private static int Walk(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        var (first, last, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        for (var date = first.AddDays(1); date <= last; date = date.AddDays(1))
        {
            if (calendar.IsWorkingDay(date))
            {
                count++;
            }
        }

        return sign * count;
    }
}
