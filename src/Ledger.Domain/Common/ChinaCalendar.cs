namespace Ledger.Domain.Common;

/// <summary>
/// Ledger dates are calendar dates in Asia/Shanghai, whatever the server's zone: "today" is the
/// date on the office wall in China.
/// </summary>
public static class ChinaCalendar
{
    // China has kept UTC+8 without daylight saving since 1991, so a fixed zone is exact and
    // does not depend on the host having tzdata.
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone(
        "Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static DateOnly Today(TimeProvider clock) => ToChinaDate(clock.GetUtcNow().UtcDateTime);

    public static DateOnly ToChinaDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The way Chinese documents write a date: 2025年1月16日.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
