using Ledger.Domain.Common;

namespace Ledger.Web.Ui;

/// <summary>A date as the pages print it (2025年1月16日), and what they print where there is none.</summary>
internal static class DateText
{
    public static string Of(DateOnly? date, string missing = "—") => date is { } d ? ChinaCalendar.Format(d) : missing;

    /// <summary>The day a date picker chose (pickers work in <see cref="DateTime"/>), or null for none.</summary>
    public static DateOnly? Picked(DateTime? picked) => picked is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>A day as a date picker takes it.</summary>
    public static DateTime? ForPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);
}
