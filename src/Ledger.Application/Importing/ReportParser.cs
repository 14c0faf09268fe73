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

    public static ParseResult Parse(string? text)
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

        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None).Select(ChineseText.Normalize).ToArray();
        return new ParseResult(new Reader(lines).Read(), null);
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
    private sealed class Reader(string[] lines)
    {
        private readonly List<ParseWarning> _warnings = [];
        private readonly List<AspectBuilder> _aspects = [];
        private AspectBuilder? _aspect;
        private ItemBuilder? _item;
        private RoundDraft _round = new(null, null, null, null, null, null);
        private ReportSummary? _summary;

        public ReportDraft Read()
        {
            var start = FindIntroduction();
            var end = FindSignatureDate(start);
            for (var i = 0; i < lines.Length; i++)
            {
                if ((i < start || i > end) && lines[i].Length > 0)
                {
                    Warn(i, $"不是报告正文（{Shorten(lines[i])}），已跳过。");
                }
            }

            if (start >= 0)
            {
                ReadIntroduction(start);
            }

            var sections = Sections(start + 1, end);
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
            return new ReportDraft(_round, aspects, _summary, _warnings.OrderBy(w => w.Line).ToList());
        }

        /// <summary>The line saying who inspected whom; -1 when there is none (then the whole text is the body).</summary>
        private int FindIntroduction()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (IntroductionRegex().IsMatch(lines[i]) || FeedbackRegex().IsMatch(lines[i]))
                {
                    return i;
                }
            }

            Warn(-1, "未找到巡察概况段落（“…巡察组…对…进行了巡察”），巡察组、被巡察单位和日期需手工填写。");
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
                    _round = _round with { ReportDate = DateOf(match) };
                    return i;
                }
            }

            return lines.Length;
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
                unit = AliasRegex().Replace(intro.Groups["unit"].Value, string.Empty).Trim();
            }

            DateOnly? inspectionStart = null, inspectionEnd = null, feedback = null;
            var period = PeriodRegex().Match(line);
            if (period.Success)
            {
                var startYear = ChineseText.Int(period.Groups["y1"].Value);
                inspectionStart = ChineseText.Date(startYear, ChineseText.Int(period.Groups["m1"].Value), ChineseText.Int(period.Groups["d1"].Value));
                var endYear = period.Groups["y2"].Success ? ChineseText.Int(period.Groups["y2"].Value) : startYear;
                inspectionEnd = ChineseText.Date(endYear, ChineseText.Int(period.Groups["m2"].Value), ChineseText.Int(period.Groups["d2"].Value));
                if (inspectionEnd < inspectionStart && !period.Groups["y2"].Success)
                {
                    inspectionEnd = inspectionEnd.Value.AddYears(1);
                }
            }

            var feedbackMatch = FeedbackRegex().Match(line);
            if (feedbackMatch.Success)
            {
                var year = feedbackMatch.Groups["y"].Success
                    ? ChineseText.Int(feedbackMatch.Groups["y"].Value)
                    : (inspectionEnd ?? inspectionStart ?? _round.ReportDate)?.Year;
                feedback = year is { } y ? ChineseText.Date(y, ChineseText.Int(feedbackMatch.Groups["m"].Value), ChineseText.Int(feedbackMatch.Groups["d"].Value)) : null;
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
                Warn(index, "未能从概况段落识别巡察组或被巡察单位，请核对。");
            }
        }

        private List<Section> Sections(int from, int to)
        {
            var sections = new List<Section>();
            var current = new Section(from, null, null);
            for (var i = from; i < to; i++)
            {
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
            var hasItems = false;
            var hasAspects = false;
            for (var i = section.Start; i < section.End; i++)
            {
                hasItems |= ItemRegex().IsMatch(lines[i]);
                hasAspects |= AspectRegex().IsMatch(lines[i]);
            }

            // Narrative sections (组织整改落实情况, 下一步工作) tell the story; only sections that number problems hold items.
            if (!hasItems || (section.Title is { } title && NarrativeTitleRegex().IsMatch(title) && !title.Contains("问题", StringComparison.Ordinal)))
            {
                return;
            }

            _aspect = null;
            _item = null;
            if (!hasAspects && section.Title is { } aspectTitle)
            {
                StartAspect(_aspects.Count + 1, aspectTitle, section.HeadingLine!.Value);
            }

            for (var i = section.Start; i < section.End; i++)
            {
                ReadLine(i);
            }

            _item = null;
        }

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

            var item = ItemRegex().Match(line);
            if (item.Success && ChineseText.TryInt(item.Groups["n"].Value, out var itemNumber))
            {
                if (_aspect is null)
                {
                    Warn(i, "事项前没有“(一)…方面”标题，已归入“未分类问题”。");
                    StartAspect(1, "未分类问题", i);
                }

                _item = new ItemBuilder(itemNumber, i);
                _aspect!.Items.Add(_item);
                ReadItemHead(item.Groups["text"].Value, i);
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
                var value = StatusOf(status.Groups["value"].Value);
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
                AddMeasureText(measures.Groups["text"].Value);
                ReadFields(line, index);
                return;
            }

            if (ReadFields(line, index))
            {
                return;
            }

            if (MeasureMarkerRegex().IsMatch(line) || item.MeasureText.Length > 0)
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
                switch (match.Groups["field"].Value)
                {
                    case "责任领导" or "分管领导" or "牵头领导":
                        item.ResponsibleLeader ??= NullIfEmpty(value);
                        break;
                    case "责任部门" or "牵头部门" or "责任单位" or "牵头单位":
                        var names = SplitNames(value);
                        item.LeadDepartment ??= names.FirstOrDefault();
                        item.CoDepartments.AddRange(names.Skip(1).Where(n => !item.CoDepartments.Contains(n)));
                        break;
                    case "配合部门" or "协办部门" or "配合单位":
                        item.CoDepartments.AddRange(SplitNames(value).Where(n => !item.CoDepartments.Contains(n)));
                        break;
                    case "责任人":
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

        /// <summary>Drops a closing mark with no opening one, and opening marks never closed.</summary>
        private static string RemoveUnpaired(string text, char open, char close)
        {
            var kept = new System.Text.StringBuilder();
            var unclosed = new Stack<int>();
            foreach (var c in text)
            {
                if (c == close && unclosed.Count == 0)
                {
                    continue;
                }

                if (c == open)
                {
                    unclosed.Push(kept.Length);
                }
                else if (c == close)
                {
                    unclosed.Pop();
                }

                kept.Append(c);
            }

            foreach (var at in unclosed)
            {
                kept.Remove(at, 1);
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
                switch (match.Groups["field"].Value)
                {
                    case "责任部门" or "牵头部门" or "责任单位" or "牵头单位":
                        lead ??= SplitNames(value).FirstOrDefault();
                        break;
                    case "整改时限" or "完成时限" or "整改期限":
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
                Count(CompletedRegex(), line),
                Count(PartiallyDoneRegex(), line),
                Count(ImmediateFixRegex(), line),
                Count(PetitionRegex(), line));
        }

        private void CrossCheck(IReadOnlyList<AspectDraft> aspects)
        {
            var items = aspects.SelectMany(a => a.Items).ToList();
            if (items.Count == 0)
            {
                Warn(-1, "没有识别出任何问题条目（应为“1.…”或“问题1:…”编号的段落）。");
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

        private void CheckCount(int? stated, int counted, string what)
        {
            if (stated is { } n && n != counted)
            {
                Warn(-1, $"报告称{what}{n}个，但逐项状态为{what}的有{counted}个，请核对。");
            }
        }

        private DeadlineDraft? DeadlineOf(string text, int line)
        {
            if (text.Contains("长期", StringComparison.Ordinal))
            {
                return new DeadlineDraft(null, true);
            }

            var full = DateRegex().Match(text);
            if (full.Success)
            {
                return new DeadlineDraft(DateOf(full), false);
            }

            var monthEnd = MonthEndRegex().Match(text);
            var baseYear = (_round.FeedbackDate ?? _round.ReportDate)?.Year;
            if (monthEnd.Success)
            {
                var month = ChineseText.Int(monthEnd.Groups["m"].Value);
                var year = monthEnd.Groups["y"].Success ? ChineseText.Int(monthEnd.Groups["y"].Value)
                    : baseYear is { } b && _round.FeedbackDate is { } fb && month < fb.Month ? b + 1 : baseYear;
                if (year is { } y && month is >= 1 and <= 12)
                {
                    return new DeadlineDraft(new DateOnly(y, month, DateTime.DaysInMonth(y, month)), false);
                }
            }

            if (!text.Contains("立行立改", StringComparison.Ordinal))
            {
                Warn(line, $"无法识别的整改时限“{Shorten(text)}”。");
            }

            return null;
        }

        private static ItemStatus? StatusOf(string text) => text switch
        {
            _ when text.Contains("销号", StringComparison.Ordinal) => ItemStatus.ClosedOut,
            _ when text.Contains("阶段性", StringComparison.Ordinal) || text.Contains("基本完成", StringComparison.Ordinal) => ItemStatus.PartiallyDone,
            _ when text.Contains("未完成", StringComparison.Ordinal) || text.Contains("正在", StringComparison.Ordinal)
                || text.Contains("整改中", StringComparison.Ordinal) || text.Contains("推进中", StringComparison.Ordinal)
                || text.Contains("持续", StringComparison.Ordinal) || text.Contains("长期坚持", StringComparison.Ordinal) => ItemStatus.InProgress,
            _ when text.Contains("未启动", StringComparison.Ordinal) || text.Contains("未开始", StringComparison.Ordinal) => ItemStatus.NotStarted,
            _ when text.Contains("完成", StringComparison.Ordinal) || text.Contains("办结", StringComparison.Ordinal) => ItemStatus.Completed,
            _ => null,
        };

        private static DateOnly? DateOf(Match match) =>
            ChineseText.Date(ChineseText.Int(match.Groups["y"].Value), ChineseText.Int(match.Groups["m"].Value), ChineseText.Int(match.Groups["d"].Value));

        private static List<string> SplitNames(string value) =>
            value.Split(['、', ',', '，', '/', ' ', '和'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(n => n.Length is > 0 and <= 30)
                .Distinct()
                .ToList();

        private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

        private void Warn(int index, string message) => _warnings.Add(new ParseWarning(index + 1, message));
    }

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

    private sealed class ItemBuilder(int number, int line)
    {
        public string Title { get; set; } = string.Empty;

        public System.Text.StringBuilder Description { get; } = new();

        public System.Text.StringBuilder MeasureText { get; } = new();

        public ItemStatus? Status { get; set; }

        public string? ResponsibleLeader { get; set; }

        public string? LeadDepartment { get; set; }

        public string? ResponsiblePerson { get; set; }

        public List<string> CoDepartments { get; } = [];

        public DeadlineDraft? Deadline { get; set; }

        public ItemDraft Build(Func<(string Text, int Line), MeasureDraft> toMeasure) => new(
            number,
            Title,
            Description.ToString().Trim(),
            Status,
            MeasureSplitter.Split(MeasureText.ToString()).Select(text => toMeasure((text, line))).ToList(),
            ResponsibleLeader,
            LeadDepartment,
            CoDepartments,
            ResponsiblePerson,
            Deadline,
            line + 1);
    }

    [GeneratedRegex(@"(?<team>[^,，。;；:]*?(?:巡察|巡视)[^,，。;；:对]*?组)[^。]*?对(?<unit>[^。]*?)(?:进行了|开展了|进行|开展)(?:巡察|巡视)")]
    private static partial Regex IntroductionRegex();

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})日[^。\d]*?反馈(?:了)?(?:巡察|巡视)?意见")]
    private static partial Regex FeedbackRegex();

    [GeneratedRegex(@"(?<y1>\d{4})年(?<m1>\d{1,2})月(?<d1>\d{1,2})日?\s*(?:至|到|-|—|~)\s*(?:(?<y2>\d{4})年)?(?<m2>\d{1,2})月(?<d2>\d{1,2})日")]
    private static partial Regex PeriodRegex();

    [GeneratedRegex(@"^.*?\d{1,2}日\s*[,，]?\s*")]
    private static partial Regex LeadingDateRegex();

    [GeneratedRegex(@"\((?:以下简称|下称)[^)]*\)")]
    private static partial Regex AliasRegex();

    [GeneratedRegex(@"^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日$")]
    private static partial Regex DateLineRegex();

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日|(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?:底|末|份前|前)")]
    private static partial Regex MonthEndRegex();

    [GeneratedRegex("^(?<n>" + Numeral + @")\s*[、.]\s*(?<title>.+)$")]
    private static partial Regex SectionRegex();

    [GeneratedRegex("^[(（]\\s*(?<n>" + Numeral + @")\s*[)）]\s*(?<title>.+)$")]
    private static partial Regex AspectRegex();

    [GeneratedRegex(@"^(?:问题\s*(?<n>\d{1,3})\s*[:、.]|(?<n>\d{1,3})\s*[.、])\s*(?<text>.+)$")]
    private static partial Regex ItemRegex();

    [GeneratedRegex("组织|落实情况|下一步|工作安排|工作计划|后续|继续深化|主要做法|基本情况|工作开展")]
    private static partial Regex NarrativeTitleRegex();

    [GeneratedRegex(@"^针对\s*“(?<title>[^”]+)”\s*(?:的)?问题\s*[。,.:]?\s*(?<rest>.*)$")]
    private static partial Regex PlanHeadRegex();

    [GeneratedRegex(@"^关于\s*“(?<title>[^”]+)”\s*(?:的)?问题\s*[。,.:]?\s*(?<rest>.*)$")]
    private static partial Regex FeedbackHeadRegex();

    [GeneratedRegex(@"^(?<verb>关于|针对)\s*“(?<title>[^”]+?)(?:的)?问题\s*[。,.:]?\s*(?<rest>.*)$")]
    private static partial Regex BrokenQuoteHeadRegex();

    [GeneratedRegex(@"^[【\[]?\s*(?:整改结果|整改状态|完成状态|状态)\s*[:】\]]\s*(?<value>[^,;。:]{1,20}?)\s*(?:[,;。]\s*(?<rest>.*))?$")]
    private static partial Regex StatusLineRegex();

    [GeneratedRegex(@"^[【\[]?\s*(?:整改完成情况|整改落实情况|整改进展情况|整改进展|整改情况|整改措施|落实情况|具体措施)\s*[:】\]]\s*(?<text>.*)$")]
    private static partial Regex MeasureLineRegex();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+是|\(\d{1,2}\)|[①-⑳])")]
    private static partial Regex MeasureMarkerRegex();

    [GeneratedRegex(@"(?<field>责任领导|分管领导|牵头领导|责任部门|牵头部门|责任单位|牵头单位|配合部门|协办部门|配合单位|责任人|整改时限|完成时限|整改期限)\s*:\s*(?<value>[^;；。【】()\n]+)")]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"截至(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日")]
    private static partial Regex AsOfRegex();

    [GeneratedRegex(@"(?<n>\d+)\s*(?:个|项|条)(?:具体)?问题")]
    private static partial Regex CountRegex();

    [GeneratedRegex(@"(?<!阶段性)完成(?:整改)?(?<n>\d+)\s*(?:个|项|条)")]
    private static partial Regex CompletedRegex();

    [GeneratedRegex(@"阶段性完成(?:整改)?(?<n>\d+)\s*(?:个|项|条)")]
    private static partial Regex PartiallyDoneRegex();

    [GeneratedRegex(@"立行立改(?:事项|问题)?(?<n>\d+)\s*(?:个|项|条)")]
    private static partial Regex ImmediateFixRegex();

    [GeneratedRegex(@"信访(?:件|举报件|案件)?(?<n>\d+)\s*(?:件|个)")]
    private static partial Regex PetitionRegex();
}
