using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledger.Domain.Calendar;

namespace Ledger.Application.Calendar;

/// <summary>
/// A working-calendar file such as <c>seeds/working-calendar-cn.json</c>: one entry per year, as that year's State
/// Council notice gives it — the holiday ranges (weekends included) and the weekend days worked (调休上班).
/// <see cref="Parse"/> checks everything and reports every mistake at once, in Chinese, as a
/// <see cref="WorkingCalendarFileException"/>.
/// </summary>
/// <example>
/// <code>
/// { "source": "…", "years": [ { "year": 2025, "notice": "国办发明电〔2024〕12号", "title": "…", "published": "2024-11-12",
///   "holidays": [ { "name": "春节", "from": "2025-01-28", "to": "2025-02-04" } ],
///   "workdays": [ { "date": "2025-01-26", "name": "春节调休上班" } ] } ] }
/// </code>
/// </example>
public sealed class WorkingCalendarFile
{
    public const string SeedFileName = "working-calendar-cn.json";

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The longest holiday range accepted; a longer one is almost surely a mistyped year or month.</summary>
    private const int MaxHolidayDays = 31;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private WorkingCalendarFile(string? source, IReadOnlyList<CalendarYear> years, IReadOnlyList<CalendarDay> days)
    {
        Source = source;
        Years = years;
        Days = days;
    }

    /// <summary>Where the data comes from, as the file says.</summary>
    public string? Source { get; }

    /// <summary>One entry per year, in year order.</summary>
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>Every holiday date and 调休 workday of every year, one <see cref="CalendarDay"/> per date, in date order.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    /// <summary>The calendar of <see cref="Days"/>, covering exactly the years in the file.</summary>
    public WorkingCalendar ToCalendar() => new(Days, Years.Select(y => y.Year));

    public static async Task<WorkingCalendarFile> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken));

    /// <exception cref="WorkingCalendarFileException">The text is not JSON of this shape, or its dates do not add up.</exception>
    public static WorkingCalendarFile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        FileDto? file;
        try
        {
            file = JsonSerializer.Deserialize<FileDto>(json, Json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第{line + 1}行" : "未知位置";
            throw new WorkingCalendarFileException([$"不是有效的工作日历 JSON（{where}，{e.Path ?? "$"}）：{e.Message}"]);
        }

        var reader = new Reader();
        var years = reader.Read(file);
        if (reader.Errors.Count > 0)
        {
            throw new WorkingCalendarFileException(reader.Errors);
        }

        var days = years.SelectMany(y => y.Days).OrderBy(d => d.Date).ToList();
        return new WorkingCalendarFile(Clean(file?.Source), years, days);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Checks the entries in order, collecting every error with the place it was found.</summary>
    private sealed class Reader
    {
        // Each date seen so far, with where it was listed, to catch a date listed twice or both off and worked.
        private readonly Dictionary<DateOnly, (CalendarDayKind Kind, string Where)> _seen = [];

        public List<string> Errors { get; } = [];

        public List<CalendarYear> Read(FileDto? file)
        {
            if (file?.Years is not { Count: > 0 } entries)
            {
                Errors.Add("文件中没有任何年份（years 为空或缺失）。");
                return [];
            }

            var years = new List<CalendarYear>();
            var seenYears = new HashSet<int>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is not { } entry)
                {
                    Errors.Add($"years 第{i + 1}项为空。");
                    continue;
                }

                if (entry.Year is not { } year || year is < 1949 or > 2100)
                {
                    Errors.Add($"years 第{i + 1}项的年份（year）{(entry.Year?.ToString(CultureInfo.InvariantCulture) ?? "缺失")}无效，应为1949至2100之间的整数。");
                    continue;
                }

                if (!seenYears.Add(year))
                {
                    Errors.Add($"{year}年出现了两次。");
                    continue;
                }

                if (ReadYear(year, entry) is { } read)
                {
                    years.Add(read);
                }
            }

            return [.. years.OrderBy(y => y.Year)];
        }

        private CalendarYear? ReadYear(int year, YearDto entry)
        {
            var errorsBefore = Errors.Count;
            var label = $"{year}年";
            var notice = Clean(entry.Notice);
            if (notice is null)
            {
                Errors.Add($"{label}缺少通知文号（notice），如“国办发明电〔2024〕12号”。");
            }

            DateOnly? published = entry.Published is null ? null : ParseDate(entry.Published, $"{label}的发布日期（published）");

            if (entry.Holidays is not { Count: > 0 })
            {
                Errors.Add($"{label}没有任何放假安排（holidays 为空或缺失）。");
            }

            var holidays = new List<HolidayRange>();
            foreach (var (dto, index) in (entry.Holidays ?? []).Select((h, i) => (h, i)))
            {
                var where = $"{label}第{index + 1}个放假安排{(Clean(dto?.Name) is { } n ? $"（{n}）" : "")}";
                if (ReadHoliday(year, dto, where) is { } holiday)
                {
                    holidays.Add(holiday);
                }
            }

            var workdays = new List<CalendarDay>();
            foreach (var (dto, index) in (entry.Workdays ?? []).Select((w, i) => (w, i)))
            {
                var where = $"{label}第{index + 1}个调休上班日{(Clean(dto?.Date) is { } d ? $"（{d}）" : "")}";
                if (ReadWorkday(year, dto, where) is { } workday)
                {
                    workdays.Add(workday);
                }
            }

            return Errors.Count > errorsBefore
                ? null
                : new CalendarYear(year, notice!, Clean(entry.Title), published, holidays, [.. workdays.OrderBy(w => w.Date)]);
        }

        private HolidayRange? ReadHoliday(int year, HolidayDto? dto, string where)
        {
            if (dto is null)
            {
                Errors.Add($"{where}为空。");
                return null;
            }

            var name = Clean(dto.Name);
            if (name is null)
            {
                Errors.Add($"{where}缺少名称（name）。");
            }

            var from = ParseDate(dto.From, $"{where}的起始日期（from）");
            var to = ParseDate(dto.To, $"{where}的结束日期（to）");
            if (name is null || from is not { } first || to is not { } last)
            {
                return null;
            }

            if (last < first)
            {
                Errors.Add($"{where}的结束日期 {last:yyyy-MM-dd} 早于起始日期 {first:yyyy-MM-dd}。");
                return null;
            }

            if (last.DayNumber - first.DayNumber + 1 > MaxHolidayDays)
            {
                Errors.Add($"{where}从 {first:yyyy-MM-dd} 到 {last:yyyy-MM-dd}，超过{MaxHolidayDays}天，请检查年份和月份。");
                return null;
            }

            if (!NearYear(first, year) || !NearYear(last, year))
            {
                Errors.Add($"{where}的日期 {first:yyyy-MM-dd} 至 {last:yyyy-MM-dd} 不在{year}年前后，请检查年份。");
                return null;
            }

            var holiday = new HolidayRange(name, first, last);
            foreach (var date in holiday.Dates)
            {
                Claim(date, CalendarDayKind.Holiday, where);
            }

            return holiday;
        }

        private CalendarDay? ReadWorkday(int year, WorkdayDto? dto, string where)
        {
            if (dto is null)
            {
                Errors.Add($"{where}为空。");
                return null;
            }

            var name = Clean(dto.Name);
            if (name is null)
            {
                Errors.Add($"{where}缺少名称（name），如“春节调休上班”。");
            }

            if (ParseDate(dto.Date, $"{where}的日期（date）") is not { } date || name is null)
            {
                return null;
            }

            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Errors.Add($"{where}是{Weekday(date)}，本来就是工作日；调休上班日应是周六或周日，请核对日期。");
                return null;
            }

            if (!NearYear(date, year))
            {
                Errors.Add($"{where}不在{year}年前后，请检查年份。");
                return null;
            }

            Claim(date, CalendarDayKind.Workday, where);
            return new CalendarDay(date, CalendarDayKind.Workday, name);
        }

        private void Claim(DateOnly date, CalendarDayKind kind, string where)
        {
            if (!_seen.TryAdd(date, (kind, where)))
            {
                var (earlierKind, earlierWhere) = _seen[date];
                Errors.Add(earlierKind == kind
                    ? $"{date:yyyy-MM-dd} 重复出现：{earlierWhere}、{where}。"
                    : $"{date:yyyy-MM-dd} 既是放假日又是调休上班日：{(kind == CalendarDayKind.Holiday ? $"{where}、{earlierWhere}" : $"{earlierWhere}、{where}")}。");
            }
        }

        private DateOnly? ParseDate(string? text, string what)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                Errors.Add($"{what}缺失。");
                return null;
            }

            if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Errors.Add($"{what}“{text}”不是有效的日期，应写作 {DateFormat}，如 2025-01-28。");
                return null;
            }

            return date;
        }

        /// <summary>From December of the year before to January of the year after: a notice's 元旦 can reach either side.</summary>
        private static bool NearYear(DateOnly date, int year) =>
            date >= new DateOnly(year - 1, 12, 1) && date <= new DateOnly(year + 1, 1, 31);

        private static string Weekday(DateOnly date) => date.DayOfWeek switch
        {
            DayOfWeek.Monday => "星期一",
            DayOfWeek.Tuesday => "星期二",
            DayOfWeek.Wednesday => "星期三",
            DayOfWeek.Thursday => "星期四",
            DayOfWeek.Friday => "星期五",
            DayOfWeek.Saturday => "星期六",
            _ => "星期日",
        };
    }

    private sealed record FileDto(string? Source, List<YearDto?>? Years);

    private sealed record YearDto(int? Year, string? Notice, string? Title, string? Published, List<HolidayDto?>? Holidays, List<WorkdayDto?>? Workdays);

    private sealed record HolidayDto(string? Name, string? From, string? To);

    private sealed record WorkdayDto(string? Date, string? Name);
}

/// <summary>One year's notice: its holiday ranges as the notice gives them and the weekend days it makes workdays.</summary>
public sealed record CalendarYear(
    int Year,
    string Notice,
    string? Title,
    DateOnly? Published,
    IReadOnlyList<HolidayRange> Holidays,
    IReadOnlyList<CalendarDay> Workdays)
{
    /// <summary>Each date of the holiday ranges (weekends included) as 放假, and the 调休 workdays.</summary>
    public IEnumerable<CalendarDay> Days =>
        Holidays.SelectMany(h => h.Dates.Select(d => new CalendarDay(d, CalendarDayKind.Holiday, h.Name))).Concat(Workdays);
}

/// <summary>放假调休 from <see cref="From"/> to <see cref="To"/>, both included, weekends and all.</summary>
public sealed record HolidayRange(string Name, DateOnly From, DateOnly To)
{
    public IEnumerable<DateOnly> Dates =>
        Enumerable.Range(From.DayNumber, To.DayNumber - From.DayNumber + 1).Select(DateOnly.FromDayNumber);

    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>A working-calendar file that cannot be used, with every reason found.</summary>
public sealed class WorkingCalendarFileException(IReadOnlyList<string> errors)
    : Exception("工作日历文件有误：" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
