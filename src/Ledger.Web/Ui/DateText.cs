using Ledger.Domain.Common;

namespace Ledger.Web.Ui;

/// <summary>A date as the pages print it (2025年1月16日), and what they print where there is none.</summary>
internal static class DateText
{
    public static string Of(DateOnly? date, string missing = "—") => date is { } d ? ChinaCalendar.Format(d) : missing;
}
