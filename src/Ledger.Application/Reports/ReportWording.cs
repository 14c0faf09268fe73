using System.Text.RegularExpressions;
using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Application.Reports;

/// <summary>
/// What the ledger writes where nobody wrote it: the title, the opening paragraph, the closing and the signature from the
/// round; each problem's paragraph head from its title and description; its 整改情况 from its measures and progress; and
/// the reading of people's text into the report's paragraphs.
/// </summary>
/// <remarks>The wording is the published reports' (seeds 000–002); the layout is <see cref="ReportDocument"/>'s.</remarks>
internal static partial class ReportWording
{
    public const string OrganisationPart = "组织整改落实情况";
    public const string ProblemsPart = "巡察反馈问题整改情况";
    public const string NextStepsPart = "下一步工作安排";
    public const string StatusLabel = "整改结果：";
    public const string TextLabel = "整改情况：";

    public const string DefaultClosing = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。";

    /// <summary>中共郑州市惠济区人民检察院党组: the inspected party organisation as it signs, 中共 added to a 党组 or 党委 that lacks it.</summary>
    public static string Signature(string inspectedUnit)
    {
        var unit = inspectedUnit.Trim();
        return !unit.StartsWith("中共", StringComparison.Ordinal) && PartyOrganRegex().IsMatch(unit) ? "中共" + unit : unit;
    }

    public static string Title(string inspectedUnit) => $"{Signature(inspectedUnit)}关于巡察整改进展情况的通报";

    /// <summary>
    /// 按照市委的统一部署，市委第三巡察组于2024年3月7日至2024年5月10日对…党组开展了巡察，并于2024年7月18日向…党组反馈了巡察意见。
    /// A date the round lacks is left out, not guessed.
    /// </summary>
    public static string Opening(string team, string unit, DateOnly? start, DateOnly? end, DateOnly? feedback)
    {
        var authority = AuthorityRegex().Match(team) is { Success: true } match ? $"按照{match.Groups["authority"].Value}的统一部署" : "按照巡察工作统一部署";
        var period = (start, end) switch
        {
            ({ } s, { } e) => $"于{ChinaCalendar.Format(s)}至{ChinaCalendar.Format(e)}",
            ({ } s, null) => $"于{ChinaCalendar.Format(s)}起",
            _ => string.Empty,
        };
        var feedbackOn = feedback is { } f ? $"于{ChinaCalendar.Format(f)}" : string.Empty;
        return $"{authority}，{team}{period}对{unit}开展了巡察，并{feedbackOn}向{unit}反馈了巡察意见。现将巡察整改进展情况予以通报。";
    }

    /// <summary>How the report states an item's status on its date: 完成 for 已完成 and the close-out steps after it.</summary>
    public static string Status(ItemStatus status) => status switch
    {
        >= ItemLifecycle.FirstSettled => "完成",
        ItemStatus.PartiallyDone => "阶段性完成",
        ItemStatus.InProgress => "正在整改",
        _ => "尚未启动",
    };

    /// <summary>第3项, 立行立改事项第1项, 信访件第2件: an item named in a consistency issue.</summary>
    public static string ItemName(ItemKind kind, int number) => kind switch
    {
        ItemKind.ImmediateFix => $"立行立改事项第{number}项",
        ItemKind.Petition => $"信访件第{number}件",
        _ => $"第{number}项",
    };

    /// <summary>
    /// The problem's paragraph: its head in bold, the rest after it. A description that opens with the title (the form
    /// 1.理论学习“走形不走心”，在深学笃行上存在不足。巡察期间… of seed 000) keeps its own words; otherwise the title
    /// becomes 关于“…”的问题。 as in seed 002.
    /// </summary>
    public static (string Head, string Remainder) Problem(string title, string? description)
    {
        title = OneLine(title);
        var text = OneLine(description);
        if (text.Length == 0)
        {
            return (EndSentence(title), string.Empty);
        }

        if (text.StartsWith(title, StringComparison.Ordinal))
        {
            // The head is the sentence the title opens, so the bold never stops mid-sentence.
            var end = text.IndexOfAny(SentenceEnds, title.Length > 0 ? title.Length - 1 : 0);
            var headLength = end < 0 ? text.Length : end + 1;
            return (text[..headLength], text[headLength..]);
        }

        return ($"关于“{title}”的问题。", text);
    }

    /// <summary>
    /// 整改情况 composed from the ledger: what was done by the date as one paragraph (the measures, numbered 一是、二是…
    /// where they are not numbered already), then the latest progress report by then, then what is still to do. A measure
    /// counts as done when the item was completed by the date or the measure itself was; the rest of an item 尚未启动 or
    /// 正在整改 are plans, stated as 下一步 so the report never passes them off as work done.
    /// </summary>
    public static string ItemText(IReadOnlyList<MeasureOnDate> measures, string? latestProgress)
    {
        var paragraphs = new List<string>();
        if (Measures([.. measures.Where(m => m.Done).Select(m => m.Text)]) is { Length: > 0 } done)
        {
            paragraphs.Add(done);
        }

        if (OneLine(latestProgress) is { Length: > 0 } progress)
        {
            paragraphs.Add(EndSentence(progress));
        }

        var planned = measures.Where(m => !m.Done).Select(m => m.Text).ToList();
        if (planned.Count > 0)
        {
            paragraphs.Add((planned.Count == 1 ? "下一步，将落实整改措施：" : "下一步，将落实以下整改措施：") + Measures(planned));
        }

        return string.Join('\n', paragraphs);
    }

    private static string Measures(List<string> measures) => string.Concat(measures.Select((m, i) =>
    {
        var measure = EndSentence(OneLine(m));
        return measures.Count > 1 && !NumberedRegex().IsMatch(measure) ? $"{ChineseNumerals.Format(Math.Min(i + 1, ChineseNumerals.Max))}是{measure}" : measure;
    }));

    /// <summary>
    /// People's text as report paragraphs, one per non-blank line. A line opened by （一） or 一是 and a sentence gets that
    /// sentence as its bold lead, the way the seeds set them.
    /// </summary>
    public static IEnumerable<ReportParagraph> Paragraphs(string? text)
    {
        foreach (var line in Lines(text))
        {
            var point = LeadRegex().Match(line);
            if (point.Success && Importing.ChineseText.ParseNumeral(point.Groups["n"].Value) is { } number and <= ChineseNumerals.Max)
            {
                var lead = point.Groups["paren"].Success
                    ? ParagraphLead.Point(number, point.Groups["lead"].Value)
                    : ParagraphLead.Ordinal(number, point.Groups["lead"].Value);
                yield return new ReportParagraph(point.Groups["rest"].Value, lead);
            }
            else
            {
                yield return new ReportParagraph(line);
            }
        }
    }

    /// <summary>
    /// The non-blank lines of a text, trimmed, without control characters: a tab pasted from a spreadsheet must not stop
    /// a report from being generated.
    /// </summary>
    public static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n')
            .Select(l => new string([.. l.Where(c => !char.IsControl(c) && c is not '\u2028' and not '\u2029')]).Trim())
            .Where(l => l.Length > 0);

    /// <summary>A part's heading without the number the report gives it: 一、下一步工作安排 is 下一步工作安排.</summary>
    public static string Heading(string? text) => PartNumberRegex().Replace(OneLine(text), string.Empty);

    /// <summary>A text as one paragraph: its lines run together.</summary>
    public static string OneLine(string? text) => string.Concat(Lines(text));

    private static string EndSentence(string text) => text.Length > 0 && !IsSentenceEnd(text[^1]) ? text + "。" : text;

    private static readonly char[] SentenceEnds = ['。', '；', ';', '！', '!', '？', '?'];

    private static bool IsSentenceEnd(char c) => SentenceEnds.Contains(c);

    [GeneratedRegex("(党组|党委|党总支|党支部|党工委)$")]
    private static partial Regex PartyOrganRegex();

    /// <summary>市委 of 市委第三巡察组, 省委 of 省委巡视组, 中共长沙市委 of 中共长沙市委第一巡察组.</summary>
    [GeneratedRegex("^(?<authority>.{1,12}?委)(提级)?(第.{1,3})?巡[察视]")]
    private static partial Regex AuthorityRegex();

    [GeneratedRegex("^[一二三四五六七八九十]+[、.．]")]
    private static partial Regex PartNumberRegex();

    [GeneratedRegex(@"^([一二三四五六七八九十]+是|[（(]\d+[）)]|[①-⑳])")]
    private static partial Regex NumberedRegex();

    [GeneratedRegex(@"^(?:(?<paren>[（(])(?<n>[一二三四五六七八九十]+)[）)]|(?<n>[一二三四五六七八九十]+)是)(?<lead>[^。]+。|[^。]+$)(?<rest>.*)$")]
    private static partial Regex LeadRegex();
}
