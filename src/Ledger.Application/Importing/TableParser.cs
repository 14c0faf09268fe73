using System.Text;
using System.Text.RegularExpressions;
using Ledger.Domain.Items;

namespace Ledger.Application.Importing;

/// <summary>
/// Task lists in tables: a 整改方案's Word table or an Excel 台账 of any unit's template. The header row is found by
/// its words and their synonyms (问题/问题描述/存在问题, 责任单位/牵头部门, 整改时限/完成时限 …), wherever it stands;
/// title rows above it name the round, note rows are skipped, aspect rows (a heading merged across the row) start an
/// aspect, and rows whose problem cell is merged with the one above, or left blank, add measures to the same item.
/// </summary>
internal static partial class TableParser
{
    private const int HeaderSearchRows = 15;

    /// <summary>Column kinds in the order a header cell is tried, so 问题序号 is a number and 问题类别 an aspect before either is a problem.</summary>
    private static readonly (Column Kind, string[] Words)[] Synonyms =
    [
        (Column.Number, ["序号", "编号", "问题序号", "问题编号", "序"]),
        (Column.Co, ["配合部门", "配合单位", "协办单位", "协办部门", "协同部门", "配合科室", "协助部门"]),
        (Column.Lead, ["责任部门", "责任单位", "牵头单位", "牵头部门", "责任处室", "责任科室", "主责部门", "责任主体", "承办单位", "牵头处室"]),
        (Column.Leader, ["责任领导", "牵头领导", "分管领导", "责任校领导", "牵头院领导", "分管院领导", "包案领导", "领导"]),
        (Column.Person, ["责任人", "具体责任人", "经办人", "联系人"]),
        (Column.Deadline, ["整改时限", "完成时限", "时限要求", "整改期限", "完成时间", "完成期限", "时限"]),
        (Column.Status, ["整改状态", "完成状态", "状态", "是否完成", "整改进度", "完成进度", "整改结果"]),
        (Column.Progress, ["整改情况", "完成情况", "进展情况", "整改进展", "落实情况", "整改成效", "整改落实情况", "整改完成情况"]),
        (Column.Measures, ["整改措施", "措施", "具体措施", "整改任务", "整改目标及措施", "整改举措", "工作措施", "任务"]),
        (Column.Aspect, ["方面", "问题类别", "问题类型", "类别", "领域", "板块", "所属方面", "问题分类"]),
        (Column.Problem, ["问题", "问题描述", "存在问题", "反馈问题", "具体问题", "问题清单", "主要问题", "巡察反馈问题", "问题表现", "反馈意见"]),
        (Column.Note, ["备注", "说明"]),
    ];

    public static ParseResult? TryParse(ImportDocument document, CancellationToken cancellationToken)
    {
        var lists = document.Tables.Select(t => (Table: t, Header: FindHeader(t))).Where(t => t.Header is not null).ToList();
        if (lists.Count == 0)
        {
            return document.Source == DocumentSource.Sheet
                ? new ParseResult(null, "没有找到表头行：台账应有一行列名，至少含“问题”（或问题描述、存在问题、反馈问题）一列，以及整改措施、责任单位、整改时限等列中的一列。")
                : null;
        }

        var sheet = document.Source == DocumentSource.Sheet;
        var prose = sheet ? TitleText(lists[0].Table, lists[0].Header!.Row) : WithoutTables(document);
        var round = ReportParser.Parse(prose, cancellationToken).Draft;
        var reader = new Rows(sheet, round?.Round, cancellationToken);
        foreach (var (table, header) in lists)
        {
            reader.Read(table, header!);
        }

        var aspects = reader.Aspects();
        var warnings = (round?.Warnings ?? []).Where(w => !w.Message.StartsWith("没有识别出任何问题条目", StringComparison.Ordinal) && !(sheet && w.Message.StartsWith("不是报告正文", StringComparison.Ordinal)))
            .Concat(reader.Warnings)
            .ToList();
        if (aspects.Count == 0)
        {
            warnings.Add(new ParseWarning(0, "表格有表头，但表头下没有任何问题行。"));
        }

        return new ParseResult(
            new ReportDraft(
                round?.Round ?? new RoundDraft(null, null, null, null, null, null),
                aspects,
                round?.Summary,
                warnings,
                sheet ? DocumentGenre.LedgerSheet : DocumentGenre.TaskTable),
            null);
    }

    /// <summary>The rows above a sheet's header (its title and the unit's name) as lines, for the round.</summary>
    private static string TitleText(DocumentTable table, int headerRow) =>
        string.Join('\n', table.Rows.Take(headerRow).Select(r => r.FirstOrDefault(c => c.Text.Length > 0)?.Text ?? string.Empty));

    /// <summary>The Word document's text with its task tables' lines blanked, keeping line numbers.</summary>
    private static string WithoutTables(ImportDocument document)
    {
        var lines = document.Text.Split('\n');
        foreach (var table in document.Tables)
        {
            for (var i = table.FirstLine; i < table.FirstLine + table.LineCount && i < lines.Length; i++)
            {
                lines[i] = string.Empty;
            }
        }

        return string.Join('\n', lines);
    }

    private sealed record Header(int Row, Dictionary<Column, int> Columns, IReadOnlyList<string> Names);

    /// <summary>The first row of the table's top whose cells name a problem column and at least one other known column.</summary>
    private static Header? FindHeader(DocumentTable table)
    {
        for (var r = 0; r < Math.Min(table.Rows.Count, HeaderSearchRows); r++)
        {
            var columns = new Dictionary<Column, int>();
            var names = new List<string>();
            for (var c = 0; c < table.Rows[r].Count; c++)
            {
                var cell = table.Rows[r][c];
                var name = HeaderName(cell.Text);
                names.Add(name);
                if (name.Length is > 0 and <= 16 && Kind(name) is { } kind && !(cell.Continues && columns.ContainsKey(kind)))
                {
                    columns.TryAdd(kind, c);
                }
            }

            if (columns.ContainsKey(Column.Problem) && columns.Keys.Any(k => k is not Column.Problem and not Column.Note))
            {
                return SubHeader(table, new Header(r, columns, names));
            }
        }

        return null;
    }

    /// <summary>
    /// A header whose group cell ("责任主体") spans columns named in the row below (责任领导 | 责任部门): the row below
    /// names those columns, and the data starts after it.
    /// </summary>
    private static Header SubHeader(DocumentTable table, Header header)
    {
        var below = header.Row + 1;
        if (below >= table.Rows.Count)
        {
            return header;
        }

        var named = new List<(Column Kind, int Column, string Name)>();
        for (var c = 0; c < table.Rows[below].Count; c++)
        {
            var name = HeaderName(table.Rows[below][c].Text);
            if (name.Length is > 0 and <= 16 && !table.Rows[below][c].Continues && Kind(name) is { } kind)
            {
                named.Add((kind, c, name));
            }
        }

        // Only a row under the header whose problem cell is empty or merged from the header's is a second header row.
        var problemBelow = table.Rows[below][header.Columns[Column.Problem]];
        if (named.Count < 2 || (problemBelow.Text.Length > 0 && !problemBelow.Continues))
        {
            return header;
        }

        var columns = header.Columns.Where(c => named.All(n => n.Column != c.Value)).ToDictionary(c => c.Key, c => c.Value);
        var names = header.Names.ToList();
        foreach (var (kind, column, name) in named)
        {
            columns[kind] = column;
            names[column] = name;
        }

        return new Header(below, columns, names);
    }

    private static string HeaderName(string cell) =>
        ParenthesesRegex().Replace(string.Concat(ChineseText.Normalize(cell).Where(c => !char.IsWhiteSpace(c))), string.Empty);

    private static Column? Kind(string name)
    {
        foreach (var (kind, words) in Synonyms)
        {
            if (words.Contains(name))
            {
                return kind;
            }
        }

        // "整改措施及完成情况": a column that lists measures holds measures, whatever else it reports.
        if (name.Contains("措施", StringComparison.Ordinal))
        {
            return Column.Measures;
        }

        foreach (var (kind, words) in Synonyms)
        {
            if (words.Any(w => w.Length >= 2 && name.Contains(w, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        // 责任股室, 责任科（室）, 牵头处（室）: units name their own offices.
        return name.Length <= 8 && (name.StartsWith("责任", StringComparison.Ordinal) || name.StartsWith("牵头", StringComparison.Ordinal) || name.StartsWith("主办", StringComparison.Ordinal))
            && !name.Contains('人', StringComparison.Ordinal) && !name.Contains("领导", StringComparison.Ordinal)
            ? Column.Lead
            : null;
    }

    private enum Column
    {
        Number,
        Aspect,
        Problem,
        Measures,
        Leader,
        Lead,
        Co,
        Person,
        Deadline,
        Status,
        Progress,
        Note,
    }

    /// <summary>Reads the data rows of one or more tables into aspects and items, keeping the state a reader keeps.</summary>
    private sealed class Rows(bool sheet, RoundDraft? round, CancellationToken cancellationToken)
    {
        private const string DefaultAspect = "反馈问题";

        private readonly List<(string Title, List<Item> Items)> _aspects = [];
        private Item? _item;

        public List<ParseWarning> Warnings { get; } = [];

        public void Read(DocumentTable table, Header header)
        {
            _item = null;
            for (var r = header.Row + 1; r < table.Rows.Count; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = new Row(table, header, r);
                if (row.IsEmpty)
                {
                    continue;
                }

                if (row.Heading is { } heading)
                {
                    if (NoteRegex().IsMatch(heading))
                    {
                        Warn(row, null, $"说明行（{Shorten(heading)}），已跳过。");
                    }
                    else if (AspectRowRegex().IsMatch(heading) || heading.EndsWith("方面", StringComparison.Ordinal))
                    {
                        StartAspect(AspectRowRegex().Replace(heading, string.Empty).Trim());
                    }
                    else if (HeaderName(heading) is var repeated && Kind(repeated) is not null && repeated.Length <= 8)
                    {
                        // A table continued on the next page repeats its header.
                    }
                    else
                    {
                        Warn(row, null, $"不是问题行（{Shorten(heading)}），已跳过。");
                    }

                    continue;
                }

                ReadRow(row);
            }
        }

        private void ReadRow(Row row)
        {
            if (row[Column.Aspect] is { Length: > 0 } aspect && (_aspects.Count == 0 || _aspects[^1].Title != Clean(aspect)))
            {
                StartAspect(Clean(aspect));
            }

            var problem = row.Cell(Column.Problem);
            var sameItem = _item is not null && (problem is null || problem.Continues || problem.Text.Length == 0 || problem.Text == _item.Problem)
                && !(row[Column.Number] is { Length: > 0 } n && row.Cell(Column.Number)?.Continues == false && n != _item.NumberText);
            if (!sameItem)
            {
                if (problem is null || problem.Text.Length == 0)
                {
                    Warn(row, Column.Problem, "这一行没有填写问题，已跳过。");
                    return;
                }

                if (_aspects.Count == 0)
                {
                    StartAspect(DefaultAspect);
                    Warnings.Add(new ParseWarning(0, $"表格没有“方面”列或方面行，问题都归入“{DefaultAspect}”，可在轮次中调整。"));
                }

                _item = new Item(Number(row), row[Column.Number] ?? string.Empty, problem.Text, row.Line);
                _aspects[^1].Items.Add(_item);
            }

            var item = _item!;
            var lead = Names(row[Column.Lead]);
            item.LeadDepartment ??= lead.FirstOrDefault();
            AddNew(item.CoDepartments, lead.Skip(1).Concat(Names(row[Column.Co])));
            item.ResponsibleLeader ??= Names(row[Column.Leader]).FirstOrDefault();
            item.ResponsiblePerson ??= Names(row[Column.Person]).FirstOrDefault();
            var deadline = row[Column.Deadline] is { Length: > 0 } due ? Deadline(row, due) : null;
            if (row[Column.Status] is { Length: > 0 } stated)
            {
                var status = StatusOf(stated);
                if (status is null)
                {
                    Warn(row, Column.Status, $"无法识别的整改状态“{Shorten(stated)}”。");
                }

                item.Status ??= status;
            }

            if (row.Cell(Column.Progress) is { Continues: false, Text.Length: > 0 } progress)
            {
                // "已完成。修订规范…": the first words are the status, the rest what was done.
                var text = progress.Text;
                if (StatusWords.Leading().Match(text) is { Success: true } leading)
                {
                    item.Status ??= StatusOf(leading.Groups["status"].Value);
                    text = leading.Groups["rest"].Value.Trim();
                }

                if (text.Length > 0 && !item.Progress.Contains(text))
                {
                    item.Progress.Add(text);
                }
            }

            if (row.Cell(Column.Measures) is { Continues: false, Text.Length: > 0 } measures)
            {
                foreach (var text in MeasureSplitter.Split(measures.Text))
                {
                    item.Measures.Add(new MeasureDraft(text, lead.FirstOrDefault(), deadline));
                }
            }
            else if (deadline is not null)
            {
                item.Deadline ??= deadline;
            }
        }

        public List<AspectDraft> Aspects() =>
            _aspects.Where(a => a.Items.Count > 0).Select((a, i) => new AspectDraft(i + 1, a.Title, a.Items.ConvertAll(Build))).ToList();

        private ItemDraft Build(Item item)
        {
            var (title, description) = TitleOf(item.Problem);
            return new ItemDraft(
                item.Number,
                title,
                description,
                item.Status,
                item.Measures,
                item.ResponsibleLeader,
                item.LeadDepartment,
                item.CoDepartments.Where(c => c != item.LeadDepartment).ToList(),
                item.ResponsiblePerson,
                item.Deadline ?? Deadlines.Latest(item.Measures.Select(m => m.Deadline)),
                item.Line,
                item.Progress.Count == 0 ? null : string.Join('\n', item.Progress));
        }

        private int Number(Row row)
        {
            var next = _aspects.SelectMany(a => a.Items).Select(i => i.Number).DefaultIfEmpty(0).Max() + 1;
            var text = row[Column.Number];
            return text is { Length: > 0 } && (ChineseText.TryInt(text.TrimEnd('.', '、'), out var n) ? n : ChineseText.ParseNumeral(text.TrimEnd('、', '.'))) is { } number and > 0
                ? number
                : next;
        }

        private DeadlineDraft? Deadline(Row row, string text)
        {
            // A date typed into a cell formatted as a number reads as Excel's day count.
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var serial) && serial is > 32_000 and < 73_000)
            {
                return new DeadlineDraft(DateOnly.FromDateTime(DateTime.FromOADate(serial)), false);
            }

            var (deadline, problem) = Deadlines.Read(text, round?.FeedbackDate, (round?.FeedbackDate ?? round?.InspectionEnd ?? round?.ReportDate)?.Year);
            if (problem is not null)
            {
                Warn(row, Column.Deadline, problem);
            }

            return deadline;
        }

        private void StartAspect(string title)
        {
            _aspects.Add((title.Length == 0 ? DefaultAspect : title, []));
            _item = null;
        }

        private void Warn(Row row, Column? column, string message)
        {
            var where = sheet ? $"第{row.Line}行" : $"表{row.Table}·第{row.Line}行";
            Warnings.Add(new ParseWarning(row.Line, message, column is { } c ? $"{where}·{row.HeaderOf(c)}" : where));
        }

        private static void AddNew(List<string> list, IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                if (!list.Contains(name))
                {
                    list.Add(name);
                }
            }
        }

        private static List<string> Names(string? cell) =>
            cell is null ? [] : NameSplitRegex().Split(cell).Select(n => n.Trim()).Where(n => n.Length is > 0 and <= 30).Distinct().ToList();

        private static string Clean(string text) => text.Trim().TrimEnd('。', ':', ' ');
    }

    private sealed class Item(int number, string numberText, string problem, int line)
    {
        public int Number => number;

        public string NumberText => numberText;

        public string Problem => problem;

        public int Line => line;

        public List<MeasureDraft> Measures { get; } = [];

        public List<string> CoDepartments { get; } = [];

        public List<string> Progress { get; } = [];

        public string? LeadDepartment { get; set; }

        public string? ResponsibleLeader { get; set; }

        public string? ResponsiblePerson { get; set; }

        public DeadlineDraft? Deadline { get; set; }

        public ItemStatus? Status { get; set; }
    }

    /// <summary>One data row, its cells by column kind.</summary>
    private sealed class Row(DocumentTable table, Header header, int index)
    {
        /// <summary>The row as the user numbers it: a sheet's row as Excel shows it, a Word table's from 1.</summary>
        public int Line => index + 1;

        public int Table => table.Number;

        private IReadOnlyList<TableCell> Cells => table.Rows[index];

        public bool IsEmpty => Cells.All(c => c.Text.Length == 0);

        /// <summary>The text of a row that is one heading or note: one distinct text, merged across the row or alone in it.</summary>
        public string? Heading
        {
            get
            {
                var texts = Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).Distinct().ToList();
                if (texts.Count != 1)
                {
                    return null;
                }

                var filled = Cells.Count(c => c.Text.Length > 0);
                var problem = Cell(Column.Problem);
                var spans = filled > 1 && filled >= Math.Min(3, Cells.Count);
                var alone = filled == 1 && (problem is null || problem.Text.Length == 0 || Cells.Count == 1);
                return spans || alone || NoteRegex().IsMatch(texts[0]) ? ChineseText.Normalize(texts[0]) : null;
            }
        }

        public TableCell? Cell(Column column) =>
            header.Columns.TryGetValue(column, out var c) && c < Cells.Count ? Cells[c] with { Text = string.Join('\n', Cells[c].Text.Split('\n').Select(ChineseText.Normalize)).Trim() } : null;

        public string? this[Column column] => Cell(column)?.Text;

        public string HeaderOf(Column column) => header.Columns.TryGetValue(column, out var c) ? header.Names[c] : column.ToString();
    }

    /// <summary>A problem cell's title (its first sentence, or a quoted title) and the full text as description.</summary>
    private static (string Title, string Description) TitleOf(string problem)
    {
        var text = problem.Replace('\n', ' ').Trim();
        var quoted = QuotedTitleRegex().Match(text);
        if (quoted.Success)
        {
            return (quoted.Groups["title"].Value.Trim(), text);
        }

        var stop = text.IndexOfAny(['。', ';', '!', '?']);
        var title = (stop > 0 ? text[..stop] : text).TrimEnd('。', ',', '.');
        return (title.Length > 200 ? title[..200] : title, text);
    }

    /// <summary>A status cell: the usual phrases, or 是/否 in a 是否完成 column.</summary>
    private static ItemStatus? StatusOf(string text)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact switch
        {
            "是" or "√" or "已" => ItemStatus.Completed,
            "否" or "×" => ItemStatus.InProgress,
            _ => StatusWords.Of(compact),
        };
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    [GeneratedRegex(@"[(（][^)）]{0,20}[)）]", RegexOptions.NonBacktracking)]
    private static partial Regex ParenthesesRegex();

    [GeneratedRegex(@"^(?:注|备注|说明|填表说明|制表|填表|审核|填报单位|填报人|联系人|联系电话|单位[:：]|日期[:：]|\*)", RegexOptions.NonBacktracking)]
    private static partial Regex NoteRegex();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部分类方面]+[:、.]?)\s*", RegexOptions.NonBacktracking)]
    private static partial Regex AspectRowRegex();

    [GeneratedRegex(@"[、,，;；/\s]+", RegexOptions.NonBacktracking)]
    private static partial Regex NameSplitRegex();

    [GeneratedRegex(@"^(?:关于|针对)?\s*“(?<title>[^”]{2,80})”", RegexOptions.NonBacktracking)]
    private static partial Regex QuotedTitleRegex();
}
