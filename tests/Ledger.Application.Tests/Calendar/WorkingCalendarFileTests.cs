using Ledger.Application.Calendar;
using Ledger.Domain.Calendar;
using Ledger.Testing;

namespace Ledger.Application.Tests.Calendar;

public class WorkingCalendarFileTests
{
    private static readonly Lazy<WorkingCalendarFile> Seed = new(() =>
        WorkingCalendarFile.Parse(File.ReadAllText(RepositoryFiles.Seed(WorkingCalendarFile.SeedFileName))));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_seed_file_loads_the_2024_2025_and_2026_notices()
    {
        var file = Seed.Value;

        Assert.Equal([2024, 2025, 2026], file.Years.Select(y => y.Year));
        Assert.Equal(["国办发明电〔2023〕7号", "国办发明电〔2024〕12号", "国办发明电〔2025〕7号"], file.Years.Select(y => y.Notice));
        Assert.All(file.Years, y => Assert.Equal($"国务院办公厅关于{y.Year}年部分节假日安排的通知", y.Title));
        Assert.Equal([7, 6, 7], file.Years.Select(y => y.Holidays.Count));
        Assert.Equal([8, 5, 6], file.Years.Select(y => y.Workdays.Count));
        Assert.Equal(
            file.Years.Sum(y => y.Holidays.Sum(h => h.Dates.Count()) + y.Workdays.Count),
            file.Days.Count);

        var calendar = file.ToCalendar();
        Assert.True(calendar.Covers(2024) && calendar.Covers(2025) && calendar.Covers(2026));
        Assert.False(calendar.Covers(2023));
        Assert.False(calendar.Covers(2027));
    }

    [Fact]
    public async Task The_seed_file_loads_from_its_path()
    {
        var file = await WorkingCalendarFile.LoadAsync(RepositoryFiles.Seed(WorkingCalendarFile.SeedFileName));

        Assert.Equal(Seed.Value.Days, file.Days);
        Assert.StartsWith("国务院办公厅关于部分节假日安排的通知", file.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_makeup_workday_in_the_seed_is_a_weekend_day()
    {
        foreach (var year in Seed.Value.Years)
        {
            Assert.All(year.Workdays, w =>
                Assert.True(w.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{w.Date:yyyy-MM-dd} ({w.Name}) is a {w.Date.DayOfWeek}"));
            Assert.All(year.Workdays, w => Assert.Equal(CalendarDayKind.Workday, w.Kind));
        }
    }

    [Fact]
    public void No_holiday_range_in_the_seed_contains_a_makeup_workday()
    {
        var holidays = Seed.Value.Years.SelectMany(y => y.Holidays).ToList();
        foreach (var workday in Seed.Value.Years.SelectMany(y => y.Workdays))
        {
            Assert.DoesNotContain(holidays, h => h.Contains(workday.Date));
        }
    }

    /// <summary>
    /// 全国年节及纪念日放假办法: 11 days off a year until 2024, 13 from 2025 (除夕 and 5月2日 added). However a notice
    /// shuffles them, the weekdays it gives off less the weekend days it makes worked must come to exactly that —
    /// a cross-check of every date in the file against a number no notice can change.
    /// </summary>
    [Theory]
    [InlineData(2024, 11)]
    [InlineData(2025, 13)]
    [InlineData(2026, 13)]
    public void Each_years_net_days_off_equal_the_statutory_holidays(int year, int statutoryDays)
    {
        var calendar = Seed.Value.ToCalendar();
        var newYearsEve = D(year - 1, 12, 31);
        var endOfYear = D(year, 12, 31);

        var weekdays = WorkingCalendar.WeekdaysOnly.WorkingDaysBetween(newYearsEve, endOfYear);
        Assert.Equal(statutoryDays, weekdays - calendar.WorkingDaysBetween(newYearsEve, endOfYear));
    }

    [Fact]
    public void The_seed_calendar_counts_the_notices_swaps()
    {
        var calendar = Seed.Value.ToCalendar();

        // 2024 春节: 2月10日 to 17日 off, Sundays 2月4日 and 18日 worked.
        Assert.True(calendar.IsWorkingDay(D(2024, 2, 4)));
        Assert.False(calendar.IsWorkingDay(D(2024, 2, 12)));
        Assert.True(calendar.IsWorkingDay(D(2024, 2, 18)));
        // 2025 春节: Friday 1月24日 → Monday 2月10日 is 26日, 27日, 5日, 6日, 7日, 8日, 10日.
        Assert.Equal(7, calendar.WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 10)));
        // 2025 国庆节、中秋节: 8 days off, 9月28日 and 10月11日 worked; from Friday 9月26日 to Monday 10月13日 that is
        // 28日, 29日, 30日, 9日, 10日, 11日, 13日.
        Assert.Equal(D(2025, 10, 9), calendar.NextWorkingDayAfter(D(2025, 9, 30)));
        Assert.Equal("已超期7个工作日", calendar.DescribeDeadline(D(2025, 10, 13), D(2025, 9, 26)));
        // 2026 春节: 9 days off from Sunday 2月15日, Saturdays 2月14日 and 28日 worked.
        Assert.Equal(5, calendar.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 27)));
        Assert.Equal("春节", calendar.Find(D(2026, 2, 23))?.Name);
    }

    [Fact]
    public void A_date_both_off_and_worked_is_refused()
    {
        var error = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Parse("""
            { "years": [ { "year": 2025, "notice": "国办发明电〔2024〕12号",
              "holidays": [ { "name": "春节", "from": "2025-01-28", "to": "2025-02-04" } ],
              "workdays": [ { "date": "2025-02-01", "name": "春节调休上班" } ] } ] }
            """));

        var message = Assert.Single(error.Errors);
        Assert.Contains("2025-02-01 既是放假日又是调休上班日", message, StringComparison.Ordinal);
        Assert.Contains("春节", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_in_two_holiday_ranges_is_refused()
    {
        var error = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Parse("""
            { "years": [ { "year": 2025, "notice": "国办发明电〔2024〕12号",
              "holidays": [ { "name": "国庆节", "from": "2025-10-01", "to": "2025-10-07" },
                            { "name": "中秋节", "from": "2025-10-06", "to": "2025-10-08" } ] } ] }
            """));

        Assert.Equal(2, error.Errors.Count);
        Assert.StartsWith("2025-10-06 重复出现", error.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("2025-10-07 重复出现", error.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mistake_is_reported_at_once_with_its_place()
    {
        var error = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Parse("""
            { "years": [
              { "year": 2025,
                "holidays": [ { "name": "春节", "from": "2025-02-04", "to": "2025-01-28" },
                              { "name": "", "from": "2025-02-30", "to": "2025-03-01" },
                              { "name": "国庆节", "from": "2025-10-01", "to": "2026-10-08" } ],
                "workdays": [ { "date": "2025-01-27", "name": "春节调休上班" },
                              { "date": "2024-02-04", "name": "春节调休上班" } ] },
              { "year": 2025, "notice": "重复", "holidays": [] },
              { "year": 20256, "notice": "x", "holidays": [] },
              { "year": 2026, "notice": "国办发明电〔2025〕7号" }
            ] }
            """));

        Assert.Equal(
        [
            "2025年缺少通知文号（notice），如“国办发明电〔2024〕12号”。",
            "2025年第1个放假安排（春节）的结束日期 2025-01-28 早于起始日期 2025-02-04。",
            "2025年第2个放假安排缺少名称（name）。",
            "2025年第2个放假安排的起始日期（from）“2025-02-30”不是有效的日期，应写作 yyyy-MM-dd，如 2025-01-28。",
            "2025年第3个放假安排（国庆节）从 2025-10-01 到 2026-10-08，超过31天，请检查年份和月份。",
            "2025年第1个调休上班日（2025-01-27）是星期一，本来就是工作日；调休上班日应是周六或周日，请核对日期。",
            "2025年第2个调休上班日（2024-02-04）不在2025年前后，请检查年份。",
            "2025年出现了两次。",
            "years 第3项的年份（year）20256无效，应为1949至2100之间的整数。",
            "2026年没有任何放假安排（holidays 为空或缺失）。",
        ],
        error.Errors);
        Assert.Contains("2025年出现了两次。", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_the_files_json_is_refused_with_its_line()
    {
        var broken = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Parse("{\n  \"years\": [\n    { \"year\": 2025,, }\n  ]\n}"));
        Assert.StartsWith("不是有效的工作日历 JSON（第3行", Assert.Single(broken.Errors), StringComparison.Ordinal);

        // A misspelt field is an error, not a silently missing date.
        var misspelt = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Parse("""
            { "years": [ { "year": 2025, "notice": "n", "holidays": [ { "name": "元旦", "form": "2025-01-01", "to": "2025-01-01" } ] } ] }
            """));
        Assert.Contains("form", Assert.Single(misspelt.Errors), StringComparison.Ordinal);

        var empty = Assert.Throws<WorkingCalendarFileException>(() => WorkingCalendarFile.Parse("{}"));
        Assert.Equal("文件中没有任何年份（years 为空或缺失）。", Assert.Single(empty.Errors));
    }

    [Fact]
    public void A_notices_new_years_holiday_may_start_in_the_year_before()
    {
        // The 2023 notice: 元旦 from Saturday 2022-12-31 to Monday 2023-01-02.
        var file = WorkingCalendarFile.Parse("""
            { "years": [ { "year": 2023, "notice": "2023年通知",
              "holidays": [ { "name": "元旦", "from": "2022-12-31", "to": "2023-01-02" } ] } ] }
            """);

        var calendar = file.ToCalendar();
        Assert.False(calendar.IsWorkingDay(D(2023, 1, 2)));
        Assert.True(calendar.Covers(2023));
        Assert.False(calendar.Covers(2022));
    }
}
