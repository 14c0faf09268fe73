using System.Globalization;
using Ledger.Domain.Common;
using MudBlazor;

namespace Ledger.Web.Ui;

/// <summary>A date as the pages print it (2025年1月16日), and what they print where there is none.</summary>
internal static class DateText
{
    /// <summary>How people type a day: as the pages print it, or as computers and forms do (2027-02-01, 2027/2/1, 2027.2.1).</summary>
    private static readonly string[] TypedFormats = [ChinaCalendar.DateFormat, "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"];

    /// <summary>
    /// For a date picker typed into: shows 2027年2月1日 and reads any of <see cref="TypedFormats"/>; a text that is no
    /// day is the picker's conversion error, shown under it in Chinese.
    /// </summary>
    public static readonly IReversibleConverter<DateTime?, string?> Typed = Conversions.From<DateTime?, string?>(
        d => d is { } day ? ChinaCalendar.Format(DateOnly.FromDateTime(day)) : null,
        text => string.IsNullOrWhiteSpace(text) ? null
            : Parse(text) is { } day ? ForPicker(day)
            : throw new FormatException($"“{text.Trim()}”不是日期，请写成 2027-02-01 或 2027年2月1日。"));

    public static string Of(DateOnly? date, string missing = "—") => date is { } d ? ChinaCalendar.Format(d) : missing;

    /// <summary>The day a date picker chose (pickers work in <see cref="DateTime"/>), or null for none.</summary>
    public static DateOnly? Picked(DateTime? picked) => picked is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>A day as people type it: 2027年2月1日 as the pages write it, or 2027-02-01, 2027/2/1, 2027.2.1; null if it is none.</summary>
    public static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text.Trim(), TypedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A day as a date picker takes it.</summary>
    public static DateTime? ForPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);
}
