namespace Ledger.Domain.Common;

/// <summary>
/// Ledger dates are calendar dates in Asia/Shanghai, whatever the server's zone: "today" is the
/// date on the office wall in China.
/// </summary>
public static class ChinaCalendar
{
    // China has kept UTC+8 without daylight saving since 1991, so a fixed zone is exact and
    // does not depend on the host having tzdata.
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone(
        "Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static DateOnly Today(TimeProvider clock) => ToChinaDate(clock.GetUtcNow().UtcDateTime);

    public static DateOnly ToChinaDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The wall-clock time in China, as an offset time so it converts back to UTC exactly.</summary>
    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Zone.BaseUtcOffset);

    /// <summary>The custom format of <see cref="Format(DateOnly)"/>, to read such dates back.</summary>
    public const string DateFormat = "yyyy年M月d日";

    /// <summary>The way Chinese documents write a date: 2025年1月16日.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>The instant a China date begins (00:00 in Beijing), in UTC: what is recorded before it was recorded by the end of the day before.</summary>
    public static DateTime StartOf(DateOnly date) => At(date, TimeOnly.MinValue).UtcDateTime;

    /// <summary>2025年1月16日 10:05 (or 10:05:09 with seconds), in China's time whatever the offset given.</summary>
    public static string Format(DateTimeOffset time, bool seconds = false)
    {
        var local = time.ToOffset(Zone.BaseUtcOffset);
        return $"{Format(DateOnly.FromDateTime(local.DateTime))} {local.ToString(seconds ? "HH:mm:ss" : "HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>A date and wall-clock time in China.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Zone.BaseUtcOffset);
}
