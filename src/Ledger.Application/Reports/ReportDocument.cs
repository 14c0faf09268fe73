using System.Collections.ObjectModel;
using System.Xml;
using Ledger.Domain.Common;

namespace Ledger.Application.Reports;

/// <summary>
/// The public progress report (整改情况通报) as it is published: a title, the body as a run of
/// headings and paragraphs, then the signing organ and the date. Every block is exactly one
/// paragraph of the printed document and one line of its plain text, so the two renderings cannot
/// drift apart: both print <see cref="Lines"/>.
/// </summary>
/// <remarks>
/// Numbers are data, not counters: the item numbers run on across aspects (1–19 over six aspects in
/// the Huiji report) and come from the ledger, so every numbered block states its own number.
/// Text is taken as given — punctuation, quotes and wording are the caller's; the model adds only
/// the numbering marks, in the full-width forms of the official documents (（一）, not (一)).
/// </remarks>
public sealed record ReportDocument
{
    public ReportDocument(string title, IReadOnlyList<ReportBlock> body, string signature, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(body);
        Title = ReportText.Check(title, nameof(title));
        if (body.Count == 0)
        {
            throw new ArgumentException("A report needs at least one block of body text.", nameof(body));
        }

        // Copied so that a caller's later change to its list cannot change a report already built.
        Body = new ReadOnlyCollection<ReportBlock>([.. body.Select(b => b ?? throw new ArgumentException("The body holds a null block.", nameof(body)))]);
        Signature = ReportText.Check(signature, nameof(signature));
        Date = date;
        Lines = new ReadOnlyCollection<string>([Title, .. Body.Select(b => b.Line), Signature, ChinaCalendar.Format(Date)]);
    }

    /// <summary>The heading centred on the first page, e.g. 中共长沙市人民检察院党组关于巡察整改进展情况的通报.</summary>
    public string Title { get; }

    public IReadOnlyList<ReportBlock> Body { get; }

    /// <summary>The organ that issues the report, e.g. 中共郑州市惠济区人民检察院党组.</summary>
    public string Signature { get; }

    /// <summary>The date under the signature (成文日期), printed as 2025年1月16日.</summary>
    public DateOnly Date { get; }

    /// <summary>The report line by line, in print order: title, each body block, signature, date.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The report as the seeds lay it out: one paragraph per line, nothing between them, ending with a newline.</summary>
    public string ToPlainText() => string.Join('\n', Lines) + "\n";
}

/// <summary>One paragraph of the body.</summary>
public abstract record ReportBlock
{
    /// <summary>The paragraph's full text, numbering included: one line of the plain text, one paragraph of the .docx.</summary>
    public abstract string Line { get; }
}

/// <summary>A part of the report on its own line: 一、组织整改落实情况.</summary>
public sealed record PartHeading(int Number, string Title) : ReportBlock
{
    public int Number { get; } = ReportText.ChineseNumber(Number, nameof(Number));

    public string Title { get; } = ReportText.Check(Title, nameof(Title));

    public override string Line => $"{ChineseNumerals.Format(Number)}、{Title}";
}

/// <summary>An aspect (方面) on its own line, grouping the items under it: （一）各项整改留有尾巴方面.</summary>
public sealed record AspectHeading(int Number, string Title) : ReportBlock
{
    public int Number { get; } = ReportText.ChineseNumber(Number, nameof(Number));

    public string Title { get; } = ReportText.Check(Title, nameof(Title));

    public override string Line => $"（{ChineseNumerals.Format(Number)}）{Title}";
}

/// <summary>
/// A paragraph of running text, optionally opened by a lead printed in bold: an item's problem
/// ("1.关于“…”的问题。"), a point of the organisation part ("（一）强化组织领导，全面统筹实施。"),
/// a label ("整改情况：") or a step ("一是在强化政治建设上下功夫。"). The text follows the lead in
/// the same paragraph and may be empty when the lead says it all.
/// </summary>
public sealed record ReportParagraph(string Text, ParagraphLead? Lead = null) : ReportBlock
{
    public string Text { get; } = ReportText.Check(Text, nameof(Text), allowEmpty: Lead is not null);

    // Get-only like Text: a `with` that dropped the lead could otherwise leave an empty paragraph.
    public ParagraphLead? Lead { get; } = Lead;

    public override string Line => Lead is null ? Text : Lead.Line + Text;
}

/// <summary>How a lead is numbered.</summary>
public enum LeadNumbering
{
    /// <summary>No number: a label such as 整改情况：.</summary>
    None,

    /// <summary>（一）, the second level of an official document, run into its paragraph.</summary>
    Parenthesized,

    /// <summary>1. — the third level, used for the feedback items.</summary>
    Arabic,

    /// <summary>一是, 二是 … — steps counted within a paragraph or a closing part.</summary>
    Ordinal,
}

/// <summary>The bold opening of a <see cref="ReportParagraph"/>. <see cref="Text"/> carries its own closing mark (。 or ：).</summary>
public sealed record ParagraphLead
{
    public ParagraphLead(LeadNumbering numbering, int number, string text)
    {
        if (!Enum.IsDefined(numbering))
        {
            throw new ArgumentOutOfRangeException(nameof(numbering), numbering, "Unknown lead numbering.");
        }

        Numbering = numbering;
        Number = numbering switch
        {
            LeadNumbering.None when number != 0 => throw new ArgumentOutOfRangeException(nameof(number), number, "A label has no number; pass 0."),
            LeadNumbering.None => 0,
            LeadNumbering.Arabic => number >= 1 ? number : throw new ArgumentOutOfRangeException(nameof(number), number, "Item numbers start at 1."),
            _ => ReportText.ChineseNumber(number, nameof(number)),
        };
        Text = ReportText.Check(text, nameof(text));
    }

    public LeadNumbering Numbering { get; }

    /// <summary>0 for a label.</summary>
    public int Number { get; }

    public string Text { get; }

    public string Line => Numbering switch
    {
        LeadNumbering.Parenthesized => $"（{ChineseNumerals.Format(Number)}）{Text}",
        LeadNumbering.Arabic => $"{Number}.{Text}",
        LeadNumbering.Ordinal => $"{ChineseNumerals.Format(Number)}是{Text}",
        _ => Text,
    };

    /// <summary>整改情况： — a label opening a paragraph.</summary>
    public static ParagraphLead Label(string text) => new(LeadNumbering.None, 0, text);

    /// <summary>（一）强化组织领导，全面统筹实施。</summary>
    public static ParagraphLead Point(int number, string text) => new(LeadNumbering.Parenthesized, number, text);

    /// <summary>1.关于“上一轮巡察整改遗留问题”的问题。</summary>
    public static ParagraphLead Item(int number, string text) => new(LeadNumbering.Arabic, number, text);

    /// <summary>一是在强化政治建设上下功夫。</summary>
    public static ParagraphLead Ordinal(int number, string text) => new(LeadNumbering.Ordinal, number, text);
}

/// <summary>一 … 九十九, the numerals of 一、, （一） and 一是.</summary>
internal static class ChineseNumerals
{
    public const int Max = 99;

    private const string Digits = "零一二三四五六七八九";

    public static string Format(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, Max);
        var (tens, units) = Math.DivRem(number, 10);
        var tensPart = tens switch { 0 => string.Empty, 1 => "十", _ => $"{Digits[tens]}十" };
        return units == 0 ? tensPart : tensPart + Digits[units];
    }
}

internal static class ReportText
{
    /// <summary>
    /// Refuses text that cannot stay one paragraph on one line — a line break or other control
    /// character — or that XML cannot hold, so a bad block fails where it is built, not when a
    /// renderer meets it.
    /// </summary>
    public static string Check(string? text, string name, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(text, name);
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The text is empty.", name);
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                throw new ArgumentException(
                    $"The text holds U+{(int)c:X4}: a block is a single paragraph, one line of the plain text; split it into blocks instead.", name);
            }
        }

        try
        {
            XmlConvert.VerifyXmlChars(text);
        }
        catch (XmlException e)
        {
            throw new ArgumentException("The text holds a character a document cannot store (an unpaired surrogate or U+FFFE/U+FFFF).", name, e);
        }

        return text;
    }

    public static int ChineseNumber(int number, string name) =>
        number is >= 1 and <= ChineseNumerals.Max
            ? number
            : throw new ArgumentOutOfRangeException(name, number, $"Chinese numbering runs from 1 (一) to {ChineseNumerals.Max} (九十九).");
}
