using System.Text.RegularExpressions;

namespace Ledger.Application.Importing;

/// <summary>
/// Deadlines as offices write them: 2025年6月30日, 2025.6.30, 10月底前, 2025年12月底, 年底前, 上半年, 三季度末,
/// 3个月内, 立行立改, 长期坚持. A date that does not exist (2月30日) or words that name none are a problem to report, not a guess.
/// </summary>
internal static partial class Deadlines
{
    /// <param name="feedback">The feedback date: 立行立改 is due on it, and N个月内 counts from it.</param>
    /// <param name="baseYear">The year a deadline without one falls in (a month before the feedback's rolls into the next year).</param>
    public static (DeadlineDraft? Deadline, string? Problem) Read(string text, DateOnly? feedback, int? baseYear)
    {
        if (text.Contains("长期", StringComparison.Ordinal) || text.Contains("常态化", StringComparison.Ordinal) || text.Contains("持续推进", StringComparison.Ordinal))
        {
            return (new DeadlineDraft(null, true), null);
        }

        var full = DateRegex().Match(text);
        if (full.Success)
        {
            var (y, m, d) = (ChineseText.Int(full.Groups["y"].Value), ChineseText.Int(full.Groups["m"].Value), ChineseText.Int(full.Groups["d"].Value));
            return ChineseText.Date(y, m, d) is { } date
                ? (new DeadlineDraft(date, false), null)
                : (null, $"整改时限“{Shorten(text)}”中的日期{y}年{m}月{d}日不存在，未导入，请核对。");
        }

        var day = MonthDayRegex().Match(text);
        if (day.Success && baseYear is { } dayYear)
        {
            var (m, d) = (ChineseText.Int(day.Groups["m"].Value), ChineseText.Int(day.Groups["d"].Value));
            var year = feedback is { } fb && m < fb.Month ? dayYear + 1 : dayYear;
            return ChineseText.Date(year, m, d) is { } date
                ? (new DeadlineDraft(date, false), null)
                : (null, $"整改时限“{Shorten(text)}”中的日期{m}月{d}日不存在，未导入，请核对。");
        }

        if (text.Contains("立行立改", StringComparison.Ordinal) || text.Contains("立即", StringComparison.Ordinal))
        {
            return (feedback is { } f ? new DeadlineDraft(f, false) : null, null);
        }

        var monthEnd = MonthEndRegex().Match(text);
        if (monthEnd.Success)
        {
            var month = ChineseText.Int(monthEnd.Groups["m"].Value);
            var year = monthEnd.Groups["y"].Success ? ChineseText.Int(monthEnd.Groups["y"].Value)
                : baseYear is { } b && feedback is { } fb && month < fb.Month ? b + 1 : baseYear;
            return year is { } y && month is >= 1 and <= 12 && y is >= 1990 and <= 2100
                ? (new DeadlineDraft(new DateOnly(y, month, DateTime.DaysInMonth(y, month)), false), null)
                : (null, month is < 1 or > 12 ? $"整改时限“{Shorten(text)}”中的月份不存在，未导入，请核对。" : $"整改时限“{Shorten(text)}”没有年份，且文中没有可参照的日期，未导入。");
        }

        var part = YearPartRegex().Match(text);
        if (part.Success)
        {
            var year = part.Groups["y"].Success ? ChineseText.Int(part.Groups["y"].Value) : baseYear;
            var month = part.Groups["part"].Value switch
            {
                "上半年" => 6,
                var q when q.Contains('一', StringComparison.Ordinal) || q.Contains('1', StringComparison.Ordinal) => 3,
                var q when q.Contains('二', StringComparison.Ordinal) || q.Contains('2', StringComparison.Ordinal) => 6,
                var q when q.Contains('三', StringComparison.Ordinal) || q.Contains('3', StringComparison.Ordinal) => 9,
                _ => 12,
            };
            return year is { } y && y is >= 1990 and <= 2100
                ? (new DeadlineDraft(new DateOnly(y, month, DateTime.DaysInMonth(y, month)), false), null)
                : (null, $"整改时限“{Shorten(text)}”没有年份，且文中没有可参照的日期，未导入。");
        }

        var within = WithinMonthsRegex().Match(text);
        if (within.Success && feedback is { } from)
        {
            var months = ChineseText.TryInt(within.Groups["n"].Value, out var n) ? n : ChineseText.ParseNumeral(within.Groups["n"].Value) ?? 0;
            if (months is > 0 and <= 36)
            {
                return (new DeadlineDraft(from.AddMonths(months), false), null);
            }
        }

        return (null, $"无法识别的整改时限“{Shorten(text)}”。");
    }

    /// <summary>An item's deadline when only its measures state one: the latest of them, 长期坚持 being later than any date.</summary>
    public static DeadlineDraft? Latest(IEnumerable<DeadlineDraft?> deadlines)
    {
        DeadlineDraft? latest = null;
        foreach (var deadline in deadlines)
        {
            if (deadline is null)
            {
                continue;
            }

            if (deadline.IsLongTerm)
            {
                return deadline;
            }

            latest = latest is null || deadline.Date > latest.Date ? deadline : latest;
        }

        return latest;
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日|(?<y>\d{4})[-./](?<m>\d{1,2})[-./](?<d>\d{1,2})", RegexOptions.NonBacktracking)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日", RegexOptions.NonBacktracking)]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"(?:(?<y>\d{4})\s*年\s*)?(?<m>\d{1,2})\s*月(?:底|末|份|前|$|中旬|上旬|下旬)|(?<y>\d{4})[-./](?<m>\d{1,2})(?:$|\D)", RegexOptions.NonBacktracking)]
    private static partial Regex MonthEndRegex();

    [GeneratedRegex(@"(?:(?<y>\d{4})\s*年\s*)?(?<part>上半年|下半年|年底|年末|年内|年前|(?:第)?[一二三四1234]季度)", RegexOptions.NonBacktracking)]
    private static partial Regex YearPartRegex();

    [GeneratedRegex(@"(?<n>\d{1,2}|[一二三四五六七八九十]{1,2})\s*个月内", RegexOptions.NonBacktracking)]
    private static partial Regex WithinMonthsRegex();
}
