using System.Globalization;
using System.Text.RegularExpressions;
using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>
/// How a ledger row reads in the spreadsheet offices keep: the columns and how each cell is written and read back.
/// Export and import both go through here, so whatever the export writes the import understands.
/// </summary>
public static partial class LedgerSheetLayout
{
    public const string Number = "序号";
    public const string Aspect = "方面";
    public const string Problem = "问题";
    public const string Measures = "整改措施";
    public const string ResponsibleLeader = "责任领导";
    public const string Departments = "责任部门";
    public const string ResponsiblePerson = "责任人";
    public const string Deadline = "整改时限";
    public const string Status = "整改状态";
    public const string Progress = "进展情况";

    /// <summary>催办次数: counted by the ledger, written by the export, ignored by an import.</summary>
    public const string RemindersSent = "催办次数";

    /// <summary>The columns an import reads back and compares with the ledger.</summary>
    public static readonly IReadOnlyList<string> Headers =
        [Number, Aspect, Problem, Measures, ResponsibleLeader, Departments, ResponsiblePerson, Deadline, Status, Progress];

    /// <summary>The columns the export writes: <see cref="Headers"/>, then what the ledger counts and an import leaves alone.</summary>
    public static readonly IReadOnlyList<string> ExportHeaders = [.. Headers, "巡察轮次", "剩余/超期工作日", "预警", "销号日期", "原定时限", "调整次数", RemindersSent];

    private static readonly Dictionary<string, ItemStatus> StatusesByName =
        Enum.GetValues<ItemStatus>().ToDictionary(s => s.ToChinese());

    /// <summary>The row above the headers: the round and the time the sheet was read, which an import checks for later changes.</summary>
    public static string TitleCell(string title, DateTimeOffset asOf) => $"{title}（截至{ChinaCalendar.Format(asOf)}）";

    public static DateTimeOffset? ReadAsOf(string titleCell)
    {
        var match = AsOfPattern().Match(titleCell);
        return match.Success
            && TryReadDate($"{match.Groups[1].Value}年{match.Groups[2].Value}月{match.Groups[3].Value}日", out var date)
            && TimeOnly.TryParseExact(match.Groups[4].Value, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? ChinaCalendar.At(date, time)
            : null;
    }

    /// <summary>Feedback problems are numbered plainly; immediate fixes and petitions carry their kind, as offices list them apart.</summary>
    public static string NumberCell(ItemKind kind, int number) => kind switch
    {
        ItemKind.ImmediateFix => $"立行立改{number}",
        ItemKind.Petition => $"信访件{number}",
        _ => number.ToString(CultureInfo.InvariantCulture),
    };

    public static bool TryReadNumber(string cell, out ItemKind kind, out int number)
    {
        var match = NumberPattern().Match(cell);
        kind = match.Groups[1].Value switch
        {
            "立行立改" => ItemKind.ImmediateFix,
            "" => ItemKind.Feedback,
            _ => ItemKind.Petition,
        };
        number = 0;
        return match.Success && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    /// <summary>The problem as the feedback states it: the description, led by the title when it does not already start with it.</summary>
    public static string ProblemCell(string title, string description) =>
        description.Length == 0 ? title
        : description.StartsWith(title, StringComparison.Ordinal) ? description
        : $"{title}：{description}";

    /// <summary>
    /// Splits a problem cell into title and description. A cell that still starts with the item's title keeps it;
    /// otherwise the title is the cell's leading phrase, up to its first colon or full stop.
    /// </summary>
    public static (string Title, string Description) ReadProblem(string cell, string? currentTitle)
    {
        if (currentTitle is not null && cell.StartsWith(currentTitle, StringComparison.Ordinal))
        {
            var rest = cell[currentTitle.Length..];
            return (currentTitle, rest.StartsWith('：') ? rest[1..].Trim() : cell);
        }

        var end = cell.IndexOfAny(['：', ':', '。', '；', '\n']);
        var title = (end > 0 ? cell[..end] : cell).Trim();
        title = title.Length > Common.Validation.CommonRules.ShortText ? title[..Common.Validation.CommonRules.ShortText] : title;
        return (title, end > 0 && cell[end] is '：' or ':' ? cell[(end + 1)..].Trim() : cell);
    }

    public static string MeasuresCell(IEnumerable<string> measures) => string.Join('\n', measures);

    public static IReadOnlyList<string> ReadMeasures(string cell) =>
        cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Lead department first, then the co-departments, joined by 、.</summary>
    public static string? DepartmentsCell(string? lead, IEnumerable<string> co) =>
        lead is null ? null : string.Join('、', co.Order(StringComparer.Ordinal).Prepend(lead));

    public static IReadOnlyList<string> ReadNames(string cell) =>
        cell.Split(['、', '，', ',', '；', ';', '/', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>2025年1月10日, 2025-01-10, 2025/1/10 or 2025.1.10; 长期坚持; blank or 未设定 for none.</summary>
    public static bool TryReadDeadline(string cell, out Deadline deadline)
    {
        deadline = Domain.Items.Deadline.None;
        if (cell.Length == 0 || cell == Domain.Items.Deadline.None.ToString())
        {
            return true;
        }

        if (cell == Domain.Items.Deadline.LongTerm.ToString())
        {
            deadline = Domain.Items.Deadline.LongTerm;
            return true;
        }

        if (TryReadDate(cell, out var date))
        {
            deadline = Domain.Items.Deadline.On(date);
            return true;
        }

        return false;
    }

    public static string StatusCell(ItemStatus status) => status.ToChinese();

    public static bool TryReadStatus(string cell, out ItemStatus status) => StatusesByName.TryGetValue(cell, out status);

    public static string StatusNames => string.Join("、", StatusesByName.Keys);

    /// <summary>The latest progress report, led by the date it speaks for: 2025年1月10日：….</summary>
    public static string ProgressCell(DateOnly reportDate, string progress) => $"{ChinaCalendar.Format(reportDate)}：{progress}";

    /// <summary>A progress cell's date and text; a cell without a leading date speaks for <paramref name="today"/>.</summary>
    public static (DateOnly Date, string Text) ReadProgress(string cell, DateOnly today)
    {
        var match = DatedText().Match(cell);
        return match.Success && TryReadDate(match.Groups[1].Value, out var date) ? (date, match.Groups[2].Value.Trim()) : (today, cell);
    }

    private static bool TryReadDate(string text, out DateOnly date)
    {
        var match = DatePattern().Match(text);
        date = default;
        return match.Success
            && DateOnly.TryParseExact(
                $"{match.Groups[1].Value}-{int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture):00}",
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out date);
    }

    [GeneratedRegex(@"截至(\d{4})年(\d{1,2})月(\d{1,2})日\s*(\d{1,2}:\d{2})")]
    private static partial Regex AsOfPattern();

    [GeneratedRegex(@"^(立行立改|信访件?|信访)?\s*(\d{1,6})$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{4}年\d{1,2}月\d{1,2}日)[：:](.*)$", RegexOptions.Singleline)]
    private static partial Regex DatedText();
}
