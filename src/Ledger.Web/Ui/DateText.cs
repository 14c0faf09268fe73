using System.Globalization;
using Ledger.Domain.Common;

namespace Ledger.Web.Ui;

/// <summary>A date as the pages print it (2025年1月16日), and what they print where there is none.</summary>
internal static class DateText
{
    private static readonly string[] Typed = [ChinaCalendar.DateFormat, "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"];

    public static string Of(DateOnly? date, string missing = "—") => date is { } d ? ChinaCalendar.Format(d) : missing;

    /// <summary>The day a date picker chose (pickers work in <see cref="DateTime"/>), or null for none.</summary>
    public static DateOnly? Picked(DateTime? picked) => picked is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>A day as people type it: 2027年2月1日 as the pages write it, or 2027-02-01, 2027/2/1, 2027.2.1; null if it is none.</summary>
    public static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text.Trim(), Typed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A day as a date picker takes it.</summary>
    public static DateTime? ForPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);
}
