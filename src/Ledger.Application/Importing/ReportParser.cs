using System.Text.RegularExpressions;
using Ledger.Domain.Items;

namespace Ledger.Application.Importing;

/// <summary>
/// Reads the genre of 巡察整改 documents — public rectification reports, feedback lists, rectification
/// plans — into a <see cref="ReportDraft"/>. It keys on the genre's own markers (一、/(一)/1./问题1:,
/// 整改结果:, 一是…二是…, 责任部门:, 截至…) rather than on any one document's layout, never throws,
/// and reports every line it skipped or doubted as a warning with its line number.
/// </summary>
public static partial class ReportParser
{
    /// <summary>Larger inputs are refused: no real report comes near it, and parsing stays bounded.</summary>
    public const int MaxCharacters = 20_000_000;

    private const string Numeral = "[一二三四五六七八九十]+";

    public static ParseResult Parse(string? text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ParseResult(null, "文档为空，没有可导入的内容。");
        }

        if (text.Length > MaxCharacters)
        {
            return new ParseResult(null, $"文档过大（{text.Length:N0} 个字符），超过 {MaxCharacters:N0} 个字符的上限。");
        }

        if (LooksBinary(text))
        {
            return new ParseResult(null, "文档不是可读的文本（可能是二进制文件或编码错误），请另存为 UTF-8 文本或 .docx 后再导入。");
        }

        if (HtmlText.LooksLikeHtml(text))
        {
            var (htmlLines, sources, warnings) = HtmlText.ToLines(text, cancellationToken);
            var normalized = htmlLines.Select(ChineseText.Normalize).ToArray();
            return new ParseResult(new Reader(normalized, sources.ToArray(), cancellationToken).Read(warnings), null);
        }

        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var numbers = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if ((i & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            lines[i] = ChineseText.Normalize(lines[i]);
            numbers[i] = i + 1;
        }

        return new ParseResult(new Reader(lines, numbers, cancellationToken).Read([]), null);
    }

    /// <summary>
    /// Any document an import reads: a sheet or a Word task table by its columns (<see cref="TableParser"/>), the
    /// rest as prose. A Word document whose tables hold no task list is read as its text, tables included.
    /// </summary>
    public static ParseResult Parse(ImportDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return TableParser.TryParse(document, cancellationToken) ?? Parse(document.Text, cancellationToken);
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        var suspicious = 0;
        foreach (var c in sample)
        {
            if (c == '\0' || c == '\uFFFD' || (char.IsControl(c) && c is not ('\r' or '\n' or '\t' or '\f')))
            {
                suspicious++;
            }
        }

        return suspicious > sample.Length / 100 + 2;
    }

    /// <summary>One pass over the lines, keeping the state a reader keeps: which section, aspect and item we are in.</summary>
    private sealed class Reader(string[] lines, int[] sourceLines, CancellationToken cancellationToken)
    {
        private readonly List<ParseWarning> _warnings = [];
        private readonly List<AspectBuilder> _aspects = [];
        private AspectBuilder? _aspect;
        private ItemBuilder? _item;
        private ItemScheme _scheme;
        private RoundDraft _round = new(null, null, null, null, null, null);
        private ReportSummary? _summary;
        private DocumentGenre _genre;
        private string? _titleUnit;
        private string? _signatureUnit;
        private string? _alias;
        private int _numberOffset;
        private int? _signatureLine;
        private string? _titleTeam;

        public ReportDraft Read(IEnumerable<ParseWarning> earlier)
        {
            _warnings.AddRange(earlier);
            var start = FindIntroduction();
            var end = FindSignatureDate(start);
            var title = ReadTitle(start);
            for (var i = 0; i < lines.Length; i++)
            {
                if ((i < start || i > end) && i != title && lines[i].Length > 0)
                {
                    Warn(i, $"不是报告正文（{Shorten(lines[i])}），已跳过。");
                }
            }

            if (start >= 0)
            {
                ReadIntroduction(start);
            }
            else if (_titleTeam is not null && _titleUnit is not null)
            {
                // A 台账 or 清单 names both in its title: "某局落实县委第二巡察组反馈意见整改台账".
                _round = _round with { InspectingTeam = _titleTeam, InspectedUnit = _titleUnit };
                Warn(-1, "没有巡察概况段落：巡察组和被巡察单位取自标题，巡察起止和反馈日期请在导入时填写或导入后在轮次中补充。");
            }
            else
            {
                Warn(-1, "未找到巡察概况段落（如“…巡察组于…对…开展了巡察”），巡察组、被巡察单位和日期请在导入时填写或导入后在轮次中补充。");
            }

            _genre = Genre(start);
            if (_genre == DocumentGenre.FeedbackLetter && _round.FeedbackDate is null)
            {
                // The letter is the feedback: its date is the feedback date.
                _round = _round with { FeedbackDate = _round.ReportDate };
            }

            var sections = Sections(start + 1, _signatureLine ?? end);
            foreach (var section in sections)
            {
                ReadSection(section);
            }

            for (var i = Math.Max(start, 0); i < end && _summary is null; i++)
            {
                _summary = ReadSummary(lines[i]);
            }

            var aspects = _aspects.Where(a => a.Items.Count > 0).Select(a => a.Build(ToMeasure)).ToList();
            CrossCheck(aspects);
            CheckStatedMeasures(aspects, Math.Max(start, 0), _signatureLine ?? end);
            CheckUnit(start, end);
            return new ReportDraft(_round, aspects, _summary, _warnings.OrderBy(w => w.Line).ToList(), _genre);
        }

        /// <summary>The line saying who inspected whom; -1 when there is none (then the whole text is the body).</summary>
        private int FindIntroduction()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                Tick(i);
                if (lines[i].Length > 0 && (IntroductionRegex().IsMatch(lines[i]) || FeedbackRegex().IsMatch(lines[i])))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The date under the signature ends the report; what follows is page chrome. Without one, the text runs to its end.</summary>
        private int FindSignatureDate(int start)
        {
            for (var i = lines.Length - 1; i > start; i--)
            {
                var match = DateLineRegex().Match(lines[i]);
                if (match.Success)
                {
                    _round = _round with { ReportDate = DateOf(match, i) };
                    var signature = i - 1;
                    while (signature > start && lines[signature].Length == 0)
                    {
                        signature--;
                    }

                    // A letter from the team is signed by the team, which names no unit.
                    if (signature > start && lines[signature].Length is > 1 and <= 40 && !lines[signature].Contains('。', StringComparison.Ordinal)
                        && !TeamRegex().IsMatch(lines[signature]))
                    {
                        _signatureUnit = lines[signature];
                    }

                    if (signature > start && lines[signature].Length is > 1 and <= 40 && !lines[signature].Contains('。', StringComparison.Ordinal))
                    {
                        _signatureLine = signature;
                    }

                    return i;
                }
            }

            return lines.Length;
        }

        /// <summary>The title before the introduction and the unit it names: "中共某某党组关于…的通报", "…巡察组关于巡察某某党组的反馈意见".</summary>
        /// <returns>The title's line, or -1.</returns>
        private int ReadTitle(int start)
        {
            // Without an introduction (a 台账's title rows, a bare 问题清单) the title is among the first lines.
            for (var i = 0; i < (start >= 0 ? start : Math.Min(lines.Length, 5)); i++)
            {
                var title = TitleRegex().Match(lines[i]);
                if (title.Success)
                {
                    _titleUnit = NullIfEmpty(title.Groups["unit"].Success ? title.Groups["unit"].Value : title.Groups["owner"].Value);
                    _titleTeam = TitleTeamRegex().Match(lines[i]) is { Success: true } team ? team.Groups["team"].Value : null;
                    return i;
                }
            }

            return -1;
        }

        private DocumentGenre Genre(int start)
        {
            var head = string.Join('\n', lines.Take(start >= 0 ? start + 1 : 5).TakeLast(6));
            if (head.Contains("整改方案", StringComparison.Ordinal) || head.Contains("任务清单", StringComparison.Ordinal) || head.Contains("责任清单", StringComparison.Ordinal))
            {
                return DocumentGenre.RectificationPlan;
            }

            var feedback = (head.Contains("反馈意见", StringComparison.Ordinal) || head.Contains("问题清单", StringComparison.Ordinal)) && !head.Contains("整改", StringComparison.Ordinal);
            return feedback || (start >= 0 && LetterRegex().IsMatch(lines[start])) ? DocumentGenre.FeedbackLetter : DocumentGenre.ProgressReport;
        }

        private void ReadIntroduction(int index)
        {
            var line = lines[index];
            var team = default(string);
            var unit = default(string);
            var intro = IntroductionRegex().Match(line);
            if (intro.Success)
            {
                team = LeadingDateRegex().Replace(intro.Groups["team"].Value, string.Empty).Trim();
                var alias = AliasRegex().Match(intro.Groups["unit"].Value);
                _alias = alias.Success ? NullIfEmpty(alias.Groups["alias"].Value) : null;
                unit = AliasRegex().Replace(intro.Groups["unit"].Value, string.Empty).Trim();
                if (PronounRegex().IsMatch(unit))
                {
                    // "对你单位进行了巡察": a letter to the unit names it in its title or signature, not here.
                    unit = _titleUnit ?? _signatureUnit ?? unit;
                }
            }

            DateOnly? inspectionStart = null, inspectionEnd = null, feedback = null;
            var period = PeriodRegex().Match(line);
            if (period.Success)
            {
                // "2024年3月至5月" names months only: the period runs from the first of one to the last of the other.
                var startYear = ChineseText.Int(period.Groups["y1"].Value);
                inspectionStart = Date(startYear, period.Groups["m1"].Value, period.Groups["d1"].Success ? period.Groups["d1"].Value : "1", index);
                var endYear = period.Groups["y2"].Success ? ChineseText.Int(period.Groups["y2"].Value) : startYear;
                var endMonth = ChineseText.Int(period.Groups["m2"].Value);
                var endDay = period.Groups["d2"].Success ? period.Groups["d2"].Value
                    : endMonth is >= 1 and <= 12 && endYear is >= 1 and <= 9999 ? DateTime.DaysInMonth(endYear, endMonth).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1";
                inspectionEnd = Date(endYear, period.Groups["m2"].Value, endDay, index);
                if (inspectionEnd < inspectionStart && !period.Groups["y2"].Success)
                {
                    inspectionEnd = inspectionEnd.Value.AddYears(1);
                }
                else if (inspectionEnd < inspectionStart)
                {
                    Warn(index, $"巡察起止日期颠倒（{inspectionStart:yyyy年M月d日}至{inspectionEnd:yyyy年M月d日}），未导入进驻结束日期，请核对。");
                    inspectionEnd = null;
                }
            }

            for (var i = index; i < Math.Min(index + 3, lines.Length) && feedback is null; i++)
            {
                var feedbackMatch = FeedbackRegex().Match(lines[i]);
                if (feedbackMatch.Success)
                {
                    var year = feedbackMatch.Groups["y"].Success
                        ? ChineseText.Int(feedbackMatch.Groups["y"].Value)
                        : (inspectionEnd ?? inspectionStart ?? _round.ReportDate)?.Year;
                    feedback = year is { } y ? Date(y, feedbackMatch.Groups["m"].Value, feedbackMatch.Groups["d"].Value, i) : null;
                    if (feedback < inspectionStart)
                    {
                        Warn(i, $"反馈日期（{feedback:yyyy年M月d日}）早于巡察开始日期（{inspectionStart:yyyy年M月d日}），请核对。");
                    }
                }
            }

            _round = _round with
            {
                InspectingTeam = NullIfEmpty(team),
                InspectedUnit = NullIfEmpty(unit),
                InspectionStart = inspectionStart,
                InspectionEnd = inspectionEnd,
                FeedbackDate = feedback,
            };
            if (team is null || unit is null)
            {
                Warn(index, "未能从概况段落识别巡察组或被巡察单位，请在导入时填写或导入后在轮次中补充。");
            }
        }

        private DateOnly? Date(int year, string month, string day, int line)
        {
            var date = ChineseText.Date(year, ChineseText.Int(month), ChineseText.Int(day));
            if (date is null)
            {
                Warn(line, $"日期“{year}年{month}月{day}日”不存在，未导入，请核对。");
            }

            return date;
        }

        /// <summary>
        /// The unit named in the title, the introduction and the signature should be one; a web page that swapped
        /// a name (seed 002's "腾博会") shows as a name the text's own short form does not fit.
        /// </summary>
        private void CheckUnit(int start, int end)
        {
            var named = new[] { ("标题", _titleUnit), ("概况段落", _round.InspectedUnit), ("落款", _signatureUnit) }
                .Where(n => n.Item2 is { Length: > 0 })
                .Select(n => (Where: n.Item1, Name: n.Item2!, Core: UnitCore(n.Item2!)))
                .ToList();
            for (var i = 1; i < named.Count; i++)
            {
                var (where, name, core) = named[i];
                var first = named[0];
                if (!core.Contains(first.Core, StringComparison.Ordinal) && !first.Core.Contains(core, StringComparison.Ordinal))
                {
                    Warn(-1, $"{first.Where}的单位“{first.Name}”与{where}的“{name}”不一致，请核对被巡察单位。");
                }
            }

            if (_alias is null || named.Count == 0)
            {
                return;
            }

            var unitCore = named[0].Core;
            var fits = _alias.Count(c => unitCore.Contains(c, StringComparison.Ordinal));
            var uses = 0;
            for (var i = Math.Max(start, 0); i < end && i < lines.Length; i++)
            {
                uses += Occurrences(lines[i], _alias);
            }

            if (fits * 2 < _alias.Length && uses >= 3)
            {
                Warn(-1, $"正文{uses}次以“{_alias}”称呼被巡察单位，但标题、概况段落和落款中的单位名称是“{named[0].Name}”，与之不符（网页转载时可能被替换），请核对被巡察单位。");
            }
        }

        private static int Occurrences(string text, string word)
        {
            var count = 0;
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static string UnitCore(string name) => UnitAffixRegex().Replace(name.Replace(" ", string.Empty, StringComparison.Ordinal), string.Empty);

        private List<Section> Sections(int from, int to)
        {
            var sections = new List<Section>();
            var current = new Section(from, null, null);
            for (var i = from; i < to; i++)
            {
                Tick(i);
                var heading = SectionRegex().Match(lines[i]);
                if (heading.Success)
                {
                    sections.Add(current with { End = i });
                    current = new Section(i + 1, i, heading.Groups["title"].Value.Trim());
                }
            }

            sections.Add(current with { End = to });
            return sections.Where(s => s.End > s.Start || s.HeadingLine is not null).ToList();
        }

        private void ReadSection(Section section)
        {
            _scheme = SchemeOf(section);
            var headingsAreItems = _scheme == ItemScheme.None && HeadingsAreItems(section);
            if ((_scheme == ItemScheme.None && !headingsAreItems) || IsNarrative(section))
            {
                // Narrative sections (组织整改落实情况, 下一步工作, 意见建议) tell the story; only sections that number problems hold items.
                return;
            }

            _aspect = null;
            _item = null;
            var hasAspects = !headingsAreItems && Enumerable.Range(section.Start, section.End - section.Start).Any(i => AspectRegex().IsMatch(lines[i]));
            if (!hasAspects && section.Title is { } aspectTitle)
            {
                StartAspect(_aspects.Count + 1, aspectTitle, section.HeadingLine!.Value);
            }

            for (var i = section.Start; i < section.End; i++)
            {
                Tick(i);
                if (headingsAreItems && AspectRegex().Match(lines[i]) is { Success: true } heading)
                {
                    StartItem(NextNumber(), heading.Groups["title"].Value, i);
                    continue;
                }

                ReadLine(i);
            }

            _item = null;
        }

        /// <summary>
        /// How the section numbers its problems. 问题1: wins when present, since 1. under it numbers measures; then 1./1、,
        /// since (1) and 一是 under it number measures; otherwise the first of (1), 1), 第1条 or 【问题】 at a line's start.
        /// </summary>
        private ItemScheme SchemeOf(Section section)
        {
            var first = ItemScheme.None;
            var dot = false;
            for (var i = section.Start; i < section.End; i++)
            {
                var scheme = SchemeOfLine(lines[i]);
                if (scheme == ItemScheme.Labelled)
                {
                    return scheme;
                }

                dot |= scheme == ItemScheme.Dot;
                first = first == ItemScheme.None ? scheme : first;
            }

            return dot ? ItemScheme.Dot : first;
        }

        private static ItemScheme SchemeOfLine(string line)
        {
            if (line.Length == 0)
            {
                return ItemScheme.None;
            }

            var match = ItemRegex().Match(line);
            return !match.Success ? ItemScheme.None
                : match.Groups["labelled"].Success ? ItemScheme.Labelled
                : match.Groups["dot"].Success ? ItemScheme.Dot
                : match.Groups["paren"].Success ? ItemScheme.Parenthesised
                : match.Groups["half"].Success ? ItemScheme.HalfParenthesised
                : match.Groups["article"].Success ? ItemScheme.Article
                : ItemScheme.Marker;
        }

        /// <summary>A feedback letter numbers its problems (一)(二) under aspects 一、二、; so may any section whose title is an aspect.</summary>
        private bool HeadingsAreItems(Section section)
        {
            var headings = Enumerable.Range(section.Start, section.End - section.Start).Select(i => AspectRegex().Match(lines[i])).Where(m => m.Success).ToList();
            if (headings.Count == 0 || section.Title is not { } title)
            {
                return false;
            }

            var aspectsBelow = headings.Count(h => h.Groups["title"].Value.Contains("方面", StringComparison.Ordinal));
            return aspectsBelow * 2 < headings.Count
                && (_genre == DocumentGenre.FeedbackLetter || title.Contains("方面", StringComparison.Ordinal) || title.Contains("问题", StringComparison.Ordinal));
        }

        /// <summary>A section whose title tells the story (整改落实情况, 下一步工作), unless it names problems or holds aspects of them.</summary>
        private bool IsNarrative(Section section) =>
            section.Title is { } title && NarrativeTitleRegex().IsMatch(title)
            && !title.Contains("问题", StringComparison.Ordinal) && !title.EndsWith("方面", StringComparison.Ordinal)
            && !Enumerable.Range(section.Start, section.End - section.Start)
                .Any(i => AspectRegex().Match(lines[i]) is { Success: true } aspect && aspect.Groups["title"].Value.TrimEnd('。', ' ').EndsWith("方面", StringComparison.Ordinal));

        private int NextNumber() => _aspects.SelectMany(a => a.Items).Select(i => i.Number).DefaultIfEmpty(0).Max() + 1;

        private void ReadLine(int i)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                return;
            }

            var aspect = AspectRegex().Match(line);
            if (aspect.Success)
            {
                var number = ChineseText.ParseNumeral(aspect.Groups["n"].Value) ?? _aspects.Count + 1;
                StartAspect(number, aspect.Groups["title"].Value, i);
                return;
            }

            if (ClosingRegex().IsMatch(line))
            {
                // The notice inviting supervision closes the problems; it belongs to none of them.
                Warn(i, $"不属于任何事项（{Shorten(line)}），已跳过。");
                _item = null;
                return;
            }

            var item = ItemRegex().Match(line);
            if (item.Success && SchemeOfLine(line) == _scheme)
            {
                var number = item.Groups["n"].Success
                    ? (ChineseText.TryInt(item.Groups["n"].Value, out var n) ? n : ChineseText.ParseNumeral(item.Groups["n"].Value) ?? NextNumber())
                    : NextNumber();
                StartItem(number, item.Groups["text"].Value, i);
                return;
            }

            if (_item is null)
            {
                if (ReadSummary(line) is null)
                {
                    Warn(i, $"不属于任何事项（{Shorten(line)}），已跳过。");
                }

                return;
            }

            ReadItemLine(line, i);
        }

        private void StartItem(int number, string text, int line)
        {
            if (_aspect is null)
            {
                Warn(line, "事项前没有“(一)…方面”标题，已归入“未分类问题”。");
                StartAspect(1, "未分类问题", line);
            }

            // Many documents number each aspect's problems from 1 again: the round numbers them on, in order.
            if (_aspect!.Items.Count == 0 && number == 1 && NextNumber() > 1)
            {
                _numberOffset = NextNumber() - 1;
            }

            number += _numberOffset;
            _item = new ItemBuilder(number, sourceLines[line] - 1);
            _aspect!.Items.Add(_item);
            ReadItemHead(ProblemMarkerRegex().Replace(text, string.Empty), line);
        }

        private void StartAspect(int number, string title, int line)
        {
            var clean = title.Trim().TrimEnd('。', '.', ':', ' ');
            if (_aspects.Count > 0 && number != _aspects[^1].Number + 1)
            {
                Warn(line, $"方面序号不连续：上一个是第{_aspects[^1].Number}个，这里是第{number}个。");
            }

            _aspect = new AspectBuilder(number, clean);
            _aspects.Add(_aspect);
            _item = null;
            _numberOffset = 0;
        }

        private void ReadItemHead(string text, int line)
        {
            var item = _item!;
            var head = PlanHeadRegex().Match(text);
            if (head.Success)
            {
                item.Title = CleanTitle(head.Groups["title"].Value, line);
                AddMeasureText(head.Groups["rest"].Value);
                ReadFields(text, line);
                return;
            }

            head = FeedbackHeadRegex().Match(text);
            if (head.Success)
            {
                item.Title = CleanTitle(head.Groups["title"].Value, line);
                item.Description.Append(head.Groups["rest"].Value.Trim());
                return;
            }

            head = BrokenQuoteHeadRegex().Match(text);
            if (head.Success)
            {
                Warn(line, "问题标题的引号不完整，已按“的问题”截取标题，请核对。");
                item.Title = CleanTitle(head.Groups["title"].Value, line);
                var rest = head.Groups["rest"].Value.Trim();
                if (head.Groups["verb"].Value == "针对")
                {
                    AddMeasureText(rest);
                }
                else
                {
                    item.Description.Append(rest);
                }

                return;
            }

            var stop = text.IndexOfAny(['。', ';', '!', '?']);
            item.Title = CleanTitle(stop > 0 ? text[..stop] : text, line);
            item.Description.Append(text);
            ReadFields(text, line);
        }

        private void ReadItemLine(string line, int index)
        {
            var item = _item!;
            var status = StatusLineRegex().Match(line);
            if (status.Success)
            {
                var value = StatusWords.Of(status.Groups["value"].Value);
                if (value is null)
                {
                    Warn(index, $"无法识别的整改状态“{Shorten(status.Groups["value"].Value)}”。");
                }

                item.Status = value ?? item.Status;
                var after = status.Groups["rest"].Value;
                if (after.Length > 0)
                {
                    AddMeasureText(after);
                }

                return;
            }

            var measures = MeasureLineRegex().Match(line);
            if (measures.Success)
            {
                var text = measures.Groups["text"].Value;
                var isReport = measures.Groups["kind"].Value.Contains("情况", StringComparison.Ordinal) || measures.Groups["kind"].Value == "整改进展";
                var lead = StatusWords.Leading().Match(text);
                if (lead.Success && item.Status is null && isReport)
                {
                    // "整改情况：已完成。…" states the status in its first words; the rest is what was done.
                    item.Status = StatusWords.Of(lead.Groups["status"].Value);
                    text = lead.Groups["rest"].Value;
                }

                if (isReport && item.HasMeasureList)
                {
                    // The plan's measures were listed under 整改措施; what 整改情况 says was done is the item's progress.
                    item.Progress.Append(item.Progress.Length > 0 ? "\n" : string.Empty).Append(text.Trim());
                    return;
                }

                item.MeasuresDone = isReport && !item.HasMeasureList;
                item.HasMeasureList |= !isReport;
                AddMeasureText(text);

                // Fields in brackets after a measure are that measure's own (its lead, its deadline), not the item's.
                ReadFields(BracketedRegex().Replace(line, string.Empty), index);
                return;
            }

            if (ReadFields(line, index))
            {
                return;
            }

            if (_genre != DocumentGenre.FeedbackLetter && (MeasureMarkerRegex().IsMatch(line) || item.MeasureText.Length > 0 || item.HasMeasureList))
            {
                AddMeasureText(line);
            }
            else
            {
                item.Description.Append(item.Description.Length > 0 ? "\n" : string.Empty).Append(line);
            }
        }

        /// <summary>责任领导/责任部门/配合部门/责任人/整改时限 wherever they stand; true when the line held nothing else.</summary>
        private bool ReadFields(string line, int index)
        {
            var item = _item!;
            var matches = FieldRegex().Matches(line);
            foreach (Match match in matches)
            {
                var value = match.Groups["value"].Value.Trim().TrimEnd(',', '。', ' ');
                switch (Field(match.Groups["field"].Value))
                {
                    case FieldKind.Leader:
                        item.ResponsibleLeader ??= NullIfEmpty(value);
                        break;
                    case FieldKind.Lead:
                        var names = SplitNames(value);
                        item.LeadDepartment ??= names.FirstOrDefault();
                        item.CoDepartments.AddRange(names.Skip(1).Where(n => !item.CoDepartments.Contains(n)));
                        break;
                    case FieldKind.Co:
                        item.CoDepartments.AddRange(SplitNames(value).Where(n => !item.CoDepartments.Contains(n)));
                        break;
                    case FieldKind.Person:
                        item.ResponsiblePerson ??= NullIfEmpty(value);
                        break;
                    default:
                        item.Deadline ??= DeadlineOf(value, index);
                        break;
                }
            }

            return matches.Count > 0 && FieldRegex().Replace(line, string.Empty).Trim(' ', ';', ',', '。', '【', '】', '(', ')').Length == 0;
        }

        private void AddMeasureText(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length > 0)
            {
                _item!.MeasureText.Append(_item.MeasureText.Length > 0 ? "\n" : string.Empty).Append(trimmed);
            }
        }

        private string CleanTitle(string title, int line)
        {
            var clean = title.Trim().TrimEnd('。', ';', ',', '.');
            foreach (var (open, close) in new[] { ('“', '”'), ('‘', '’') })
            {
                var opens = clean.Count(c => c == open);
                var closes = clean.Count(c => c == close);
                if (opens != closes)
                {
                    Warn(line, $"问题标题“{Shorten(clean)}”的引号不成对，已去掉多余的引号。");
                    clean = RemoveUnpaired(clean, open, close);
                }
            }

            return clean.Length > 0 ? clean : "（无标题）";
        }

        /// <summary>Drops a closing mark with no opening one, and opening marks never closed, in one pass each way.</summary>
        private static string RemoveUnpaired(string text, char open, char close)
        {
            var keep = new bool[text.Length];
            var unclosed = new Stack<int>();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == close && unclosed.Count == 0)
                {
                    continue;
                }

                if (c == open)
                {
                    unclosed.Push(i);
                }
                else if (c == close)
                {
                    unclosed.Pop();
                }

                keep[i] = true;
            }

            foreach (var at in unclosed)
            {
                keep[at] = false;
            }

            var kept = new System.Text.StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (keep[i])
                {
                    kept.Append(text[i]);
                }
            }

            return kept.ToString().Trim();
        }

        private MeasureDraft ToMeasure((string Text, int Line) measure)
        {
            string? lead = null;
            DeadlineDraft? deadline = null;
            foreach (Match match in FieldRegex().Matches(measure.Text))
            {
                var value = match.Groups["value"].Value.Trim();
                switch (Field(match.Groups["field"].Value))
                {
                    case FieldKind.Lead:
                        lead ??= SplitNames(value).FirstOrDefault();
                        break;
                    case FieldKind.Deadline:
                        deadline ??= DeadlineOf(value, measure.Line);
                        break;
                }
            }

            return new MeasureDraft(measure.Text, lead, deadline);
        }

        private static ReportSummary? ReadSummary(string line)
        {
            var asOf = AsOfRegex().Match(line);
            var total = CountRegex().Match(line);
            if (!asOf.Success || !total.Success)
            {
                return null;
            }

            static int? Count(Regex regex, string text) =>
                regex.Match(text) is { Success: true } m && ChineseText.TryInt(m.Groups["n"].Value, out var n) ? n : null;

            return new ReportSummary(
                DateOf(asOf),
                Count(CountRegex(), line),
                CompletedRegex().Matches(line).Where(m => !m.Groups["partly"].Success).Select(m => ChineseText.TryInt(m.Groups["n"].Value, out var n) ? n : (int?)null).FirstOrDefault(),
                Count(PartiallyDoneRegex(), line),
                Count(ImmediateFixRegex(), line),
                Count(PetitionRegex(), line));
        }

        private void CrossCheck(IReadOnlyList<AspectDraft> aspects)
        {
            var items = aspects.SelectMany(a => a.Items).ToList();
            if (items.Count == 0)
            {
                Warn(-1, "没有识别出任何问题条目（找的是“一、…方面”或“(一)…方面”标题下以 1. 1、 (1) 1) 第1条 问题1: 【问题】 编号的段落，或反馈意见中“(一)”编号的问题）。");
                return;
            }

            for (var i = 1; i < items.Count; i++)
            {
                if (items[i].Number != items[i - 1].Number + 1)
                {
                    Warn(items[i].Line - 1, $"问题序号不连续：{items[i - 1].Number} 之后是 {items[i].Number}。");
                }
            }

            if (_summary is null)
            {
                return;
            }

            if (_summary.Total is { } total && total != items.Count)
            {
                Warn(-1, $"报告称反馈问题{total}个，但识别出{items.Count}个问题条目，请核对。");
            }

            var stated = items.Count(i => i.Status is not null);
            if (stated == 0 && (_summary.Completed is not null || _summary.PartiallyDone is not null))
            {
                Warn(-1, $"报告未逐项写明整改状态，无法核对“已完成{_summary.Completed}个、阶段性完成{_summary.PartiallyDone}个”的统计，导入后请逐项设定状态。");
                return;
            }

            CheckCount(_summary.Completed, items.Count(i => i.Status is ItemStatus.Completed or ItemStatus.CloseOutRequested or ItemStatus.ClosedOut), "已完成");
            CheckCount(_summary.PartiallyDone, items.Count(i => i.Status == ItemStatus.PartiallyDone), "阶段性完成");
        }

        /// <summary>"制定整改措施151条" where 112 are itemised: hand-typed figures go wrong, so the count is a warning.</summary>
        private void CheckStatedMeasures(IReadOnlyList<AspectDraft> aspects, int from, int to)
        {
            var itemised = aspects.Sum(a => a.Items.Sum(i => i.Measures.Count));
            for (var i = from; i < to && i < lines.Length && itemised > 0; i++)
            {
                // Only a sentence that also counts the problems counts this round's measures (not, say, a system-wide plan's).
                foreach (var sentence in lines[i].Split('。'))
                {
                    if (MeasureCountRegex().Match(sentence) is { Success: true } stated && CountRegex().IsMatch(sentence)
                        && ChineseText.TryInt(stated.Groups["n"].Value, out var n) && n != itemised)
                    {
                        Warn(i, $"报告称整改措施{n}条，但逐项识别出{itemised}条，请核对。");
                        return;
                    }
                }
            }
        }

        private void CheckCount(int? stated, int counted, string what)
        {
            if (stated is { } n && n != counted)
            {
                Warn(-1, $"报告称{what}{n}个，但逐项状态为{what}的有{counted}个，请核对。");
            }
        }

        private DeadlineDraft? DeadlineOf(string text, int line)
        {
            var baseYear = (_round.FeedbackDate ?? _round.InspectionEnd ?? _round.ReportDate)?.Year;
            var (deadline, problem) = Deadlines.Read(text, _round.FeedbackDate, baseYear);
            if (problem is not null)
            {
                Warn(line, problem);
            }

            return deadline;
        }

        private DateOnly? DateOf(Match match, int line) => Date(ChineseText.Int(match.Groups["y"].Value), match.Groups["m"].Value, match.Groups["d"].Value, line);

        private static DateOnly? DateOf(Match match) =>
            ChineseText.Date(ChineseText.Int(match.Groups["y"].Value), ChineseText.Int(match.Groups["m"].Value), ChineseText.Int(match.Groups["d"].Value));

        private void Tick(int line)
        {
            if ((line & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        private void Warn(int index, string message) =>
            _warnings.Add(new ParseWarning(index < 0 ? 0 : index < sourceLines.Length ? sourceLines[index] : index + 1, message));
    }

    private enum ItemScheme
    {
        None,
        Labelled,
        Dot,
        Parenthesised,
        HalfParenthesised,
        Article,
        Marker,
    }

    private enum FieldKind
    {
        Leader,
        Lead,
        Co,
        Person,
        Deadline,
    }

    private static FieldKind Field(string name) => name switch
    {
        "责任领导" or "分管领导" or "牵头领导" or "责任校领导" or "分管院领导" or "牵头院领导" => FieldKind.Leader,
        "责任部门" or "牵头部门" or "责任单位" or "牵头单位" or "责任处室" or "责任科室" => FieldKind.Lead,
        "配合部门" or "协办部门" or "配合单位" or "协办单位" => FieldKind.Co,
        "责任人" or "具体责任人" => FieldKind.Person,
        _ => FieldKind.Deadline,
    };

    private static List<string> SplitNames(string value) =>
        value.Split(['、', ',', '，', '/', ' ', '和'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length is > 0 and <= 30)
            .Distinct()
            .ToList();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private sealed record Section(int Start, int? HeadingLine, string? Title)
    {
        public int End { get; init; }
    }

    private sealed class AspectBuilder(int number, string title)
    {
        public int Number { get; } = number;

        public List<ItemBuilder> Items { get; } = [];

        public AspectDraft Build(Func<(string Text, int Line), MeasureDraft> toMeasure) =>
            new(Number, title, Items.Select(i => i.Build(toMeasure)).ToList());
    }

    /// <param name="line">0-based line of the source the item starts on.</param>
    private sealed class ItemBuilder(int number, int line)
    {
        public int Number => number;

        public string Title { get; set; } = string.Empty;

        public System.Text.StringBuilder Description { get; } = new();

        public System.Text.StringBuilder MeasureText { get; } = new();

        public ItemStatus? Status { get; set; }

        public string? ResponsibleLeader { get; set; }

        public string? LeadDepartment { get; set; }

        public string? ResponsiblePerson { get; set; }

        public List<string> CoDepartments { get; } = [];

        public DeadlineDraft? Deadline { get; set; }

        /// <summary>True once the item's measures came under a 整改措施 label, so 整改情况 is progress, not more measures.</summary>
        public bool HasMeasureList { get; set; }

        /// <summary>True when the measures came under 整改情况 with no 整改措施 label: the document reports them done.</summary>
        public bool MeasuresDone { get; set; }

        public System.Text.StringBuilder Progress { get; } = new();

        public ItemDraft Build(Func<(string Text, int Line), MeasureDraft> toMeasure)
        {
            var measures = MeasureSplitter.Split(MeasureText.ToString()).Select(text => toMeasure((text, line))).ToList();
            return new ItemDraft(
                number,
                Title,
                Description.ToString().Trim(),
                Status,
                measures,
                ResponsibleLeader,
                LeadDepartment,
                CoDepartments,
                ResponsiblePerson,
                Deadline ?? Deadlines.Latest(measures.Select(m => m.Deadline)),
                line + 1,
                Progress.Length > 0 ? Progress.ToString() : null,
                MeasuresDone && measures.Count > 0);
        }
    }

    [GeneratedRegex(
        @"(?<team>[^,。;:]*?(?:巡察|巡视)[^,。;:对向]*?组)[^。]*?(?:对(?<unit>[^。]*?)(?:进行了|开展了|进行|开展|实施了|实施)|进驻(?<unit>[^。]*?)(?:开展了|开展|进行了|进行))[^。]{0,24}?(?:巡察|巡视)|(?<team>[^,。;:]*?(?:巡察|巡视)[^,。;:对向]*?组)[^。]*?向(?<unit>[^。]*?)(?:集中)?反馈",
        RegexOptions.NonBacktracking)]
    private static partial Regex IntroductionRegex();

    [GeneratedRegex(
        @"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})日[^。\d]*?(?:反馈(?:了)?(?:巡察|巡视)?(?:意见|情况)|(?:进行|作)了?(?:集中|巡察)?反馈)",
        RegexOptions.NonBacktracking)]
    private static partial Regex FeedbackRegex();

    [GeneratedRegex(
        @"(?<y1>\d{4})年(?<m1>\d{1,2})月(?:(?<d1>\d{1,2})日?)?\s*(?:至|到|-|—|~)\s*(?:(?<y2>\d{4})年)?(?<m2>\d{1,2})月(?:(?<d2>\d{1,2})日)?",
        RegexOptions.NonBacktracking)]
    private static partial Regex PeriodRegex();

    [GeneratedRegex(@"^.*?\d{1,2}日\s*[,]?\s*", RegexOptions.NonBacktracking)]
    private static partial Regex LeadingDateRegex();

    [GeneratedRegex(@"\((?:以下简称|以下称|下称|简称)[:]?\s*[“""]?(?<alias>[^)“”""]*)[”""]?\)", RegexOptions.NonBacktracking)]
    private static partial Regex AliasRegex();

    [GeneratedRegex(@"^(?:你|贵|我|本)(?:单位|局|院|委|办|公司|镇|乡|街道|中心|校|部)", RegexOptions.NonBacktracking)]
    private static partial Regex PronounRegex();

    [GeneratedRegex(@"^中共|^中国共产党|党组$|党委$|党总支$|党支部$|党工委$|党组织$|领导班子$|\s", RegexOptions.NonBacktracking)]
    private static partial Regex UnitAffixRegex();

    /// <summary>"中共某局党组关于…", "…巡察组关于(对)(巡察)某局党组(的)(巡察)反馈意见", "某局落实…巡察组反馈意见整改台账".</summary>
    [GeneratedRegex(
        @"^(?:(?:[^关]{0,30}?(?:巡察|巡视)[^关]{0,10}?组)关于(?:对)?(?:巡察)?(?<unit>[^的关]{2,40}?)(?:的)?(?:巡察|巡视)?反馈意见|(?<owner>[^关]{2,40}?)?关于[^。]{0,40}?(?:通报|报告|方案|情况|清单|台账)$|(?<owner>[^关落]{2,40}?)(?:贯彻落实|落实|关于落实)[^。]{0,30}?(?:巡察|巡视)[^。]{0,30}?(?:台账|清单|方案)$)",
        RegexOptions.NonBacktracking)]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"(?<team>(?:中央|省委|市委|州委|县委|区委|旗委|党委|党组)[^,。;:对关落]{0,10}?(?:巡察|巡视)[^,。;:]{0,4}?组)", RegexOptions.NonBacktracking)]
    private static partial Regex TitleTeamRegex();

    [GeneratedRegex(@"\([^()]*\)", RegexOptions.NonBacktracking)]
    private static partial Regex BracketedRegex();

    [GeneratedRegex(@"^[【\[](?:问题|问题描述|存在问题|反馈问题|具体问题|主要问题)[】\]]\s*|^(?:问题描述|存在问题|主要问题)\s*:\s*", RegexOptions.NonBacktracking)]
    private static partial Regex ProblemMarkerRegex();

    [GeneratedRegex(@"^(?:欢迎广大|联系电话|联系方式|邮政地址|通信地址|电子邮箱|来信请寄|监督电话|举报电话)", RegexOptions.NonBacktracking)]
    private static partial Regex ClosingRegex();

    [GeneratedRegex(@"(?:巡察|巡视)[^,。;:]{0,8}组$|巡察办$|巡视办$", RegexOptions.NonBacktracking)]
    private static partial Regex TeamRegex();

    [GeneratedRegex(@"反馈(?:意见|如下)|意见如下|提出(?:以下|如下)?意见", RegexOptions.NonBacktracking)]
    private static partial Regex LetterRegex();

    [GeneratedRegex(@"^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日$", RegexOptions.NonBacktracking)]
    private static partial Regex DateLineRegex();

    [GeneratedRegex("^(?<n>" + Numeral + @")\s*[、.]\s*(?<title>.+)$", RegexOptions.NonBacktracking)]
    private static partial Regex SectionRegex();

    [GeneratedRegex("^[(]\\s*(?<n>" + Numeral + @")\s*[)]\s*(?<title>.+)$", RegexOptions.NonBacktracking)]
    private static partial Regex AspectRegex();

    /// <summary>A problem's number at a line's start, one group per scheme so a section keeps to its own.</summary>
    [GeneratedRegex(
        @"^(?:(?:反馈|具体)?问题\s*(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*[:、.](?<labelled>)|(?<n>\d{1,3})\s*[.、](?<dot>)|\(\s*(?<n>\d{1,3})\s*\)(?<paren>)|(?<n>\d{1,3})\)(?<half>)|第(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})条(?<article>)|[【\[](?:问题|问题描述|存在问题|反馈问题|具体问题)[】\]](?<marker>))\s*(?<text>.+)$",
        RegexOptions.NonBacktracking)]
    private static partial Regex ItemRegex();

    [GeneratedRegex(
        "组织领导|组织实施|组织整改|组织推进|落实情况|下一步|工作安排|工作计划|后续|继续深化|主要做法|基本情况|工作开展|意见建议|整改建议|整改要求|有关要求|工作要求|总体要求|指导思想|工作目标|目标任务|保障措施|方法步骤|步骤安排|时间安排",
        RegexOptions.NonBacktracking)]
    private static partial Regex NarrativeTitleRegex();

    [GeneratedRegex(@"^针对\s*“(?<title>[^”]+)”\s*(?:的)?问题\s*[。,.:]?\s*(?<rest>.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex PlanHeadRegex();

    [GeneratedRegex(@"^关于\s*“(?<title>[^”]+)”\s*(?:的)?问题\s*[。,.:]?\s*(?<rest>.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex FeedbackHeadRegex();

    [GeneratedRegex(@"^(?<verb>关于|针对)\s*“(?<title>[^”]+?)(?:的)?问题\s*[。,.:]?\s*(?<rest>.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex BrokenQuoteHeadRegex();

    [GeneratedRegex(@"^[【\[]?\s*(?:整改结果|整改状态|完成状态|整改进度|状态)\s*[:】\]]\s*(?<value>[^,;。:]{1,20}?)\s*(?:[,;。]\s*(?<rest>.*))?$", RegexOptions.NonBacktracking)]
    private static partial Regex StatusLineRegex();

    [GeneratedRegex(
        @"^[【\[]?\s*(?<kind>整改完成情况|整改落实情况|整改进展情况|整改进展|整改情况|完成情况|进展情况|整改措施|落实情况|具体措施)\s*[:】\]]\s*(?<text>.*)$",
        RegexOptions.NonBacktracking)]
    private static partial Regex MeasureLineRegex();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+是|\(\d{1,2}\)|[①-⑳])", RegexOptions.NonBacktracking)]
    private static partial Regex MeasureMarkerRegex();

    [GeneratedRegex(
        @"[【\[]?(?<field>责任领导|分管领导|牵头领导|责任校领导|分管院领导|牵头院领导|责任部门|牵头部门|责任单位|牵头单位|责任处室|责任科室|配合部门|协办部门|配合单位|协办单位|具体责任人|责任人|整改时限|完成时限|整改期限|时限要求|完成时间)\s*(?:[:]|[】\]])\s*(?<value>[^;。【】()\n]+)",
        RegexOptions.NonBacktracking)]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"(?:制定|明确|提出|细化|落实)了?(?:具体)?整改措施\s*(?<n>\d+)\s*(?:条|项|个)|(?<n>\d+)\s*(?:条|项)(?:具体)?整改措施", RegexOptions.NonBacktracking)]
    private static partial Regex MeasureCountRegex();

    [GeneratedRegex(@"截至(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日", RegexOptions.NonBacktracking)]
    private static partial Regex AsOfRegex();

    [GeneratedRegex(@"(?<n>\d+)\s*(?:个|项|条)(?:具体)?问题", RegexOptions.NonBacktracking)]
    private static partial Regex CountRegex();

    /// <summary>完成N个, with 阶段性 captured rather than looked behind for (the linear engine has no lookbehind).</summary>
    [GeneratedRegex(@"(?<partly>阶段性)?完成(?:整改)?(?<n>\d+)\s*(?:个|项|条)", RegexOptions.NonBacktracking)]
    private static partial Regex CompletedRegex();

    [GeneratedRegex(@"阶段性完成(?:整改)?(?<n>\d+)\s*(?:个|项|条)", RegexOptions.NonBacktracking)]
    private static partial Regex PartiallyDoneRegex();

    [GeneratedRegex(@"立行立改(?:事项|问题)?(?<n>\d+)\s*(?:个|项|条)", RegexOptions.NonBacktracking)]
    private static partial Regex ImmediateFixRegex();

    [GeneratedRegex(@"信访(?:件|举报件|案件)?(?<n>\d+)\s*(?:件|个)", RegexOptions.NonBacktracking)]
    private static partial Regex PetitionRegex();
}
