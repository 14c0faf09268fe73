using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ledger.Application.Reports;

namespace Ledger.Infrastructure.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as a .docx in the format of Chinese official documents
/// (GB/T 9704-2012): A4, the standard margins, the title in 方正小标宋简体 二号, the body in 仿宋_GB2312
/// 三号 on fixed 28pt lines, 一、 headings in 黑体, （一） in 楷体_GB2312, page numbers as — 1 —.
/// </summary>
/// <remarks>
/// One paragraph per line of <see cref="ReportDocument.Lines"/>, and nothing else in the body: the
/// document and the plain text say the same, and the blank line under the title or above the
/// signature is paragraph spacing, not an empty paragraph. The look lives in named paragraph styles
/// rather than on each run, so an office that wants another body font changes one style.
/// </remarks>
public static class ReportDocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string Language = "zh-CN";

    // Style ids the paragraphs refer to. Normal is Word's default style, which is the body text.
    internal const string BodyStyle = "Normal";
    internal const string TitleStyle = "ReportTitle";
    internal const string PartStyle = "ReportPart";
    internal const string AspectStyle = "ReportAspect";
    internal const string SignatureStyle = "ReportSignature";
    internal const string DateStyle = "ReportDate";
    internal const string PageNumberStyle = "ReportPageNumber";

    // The fonts every government office has, each with the face Word substitutes when it is missing.
    internal const string TitleFont = "方正小标宋简体";
    internal const string BodyFont = "仿宋_GB2312";
    internal const string PartFont = "黑体";
    internal const string AspectFont = "楷体_GB2312";
    internal const string PageNumberFont = "宋体";

    // Sizes in half-points, as Word stores them: 二号 22pt, 三号 16pt, 四号 14pt.
    internal const int TitleSize = 44;
    internal const int BodySize = 32;
    internal const int PageNumberSize = 28;

    /// <summary>Fixed 28pt lines (in twentieths of a point): 22 lines to the A4 text block.</summary>
    internal const int LineTwips = 560;

    /// <summary>Two characters of 三号 (16pt) in twips, for viewers that ignore the character-based measure.</summary>
    private const int TwoCharactersTwips = 2 * 16 * 20;

    /// <summary>Word's character-based indents are in hundredths of a character.</summary>
    private const int TwoCharacters = 200;

    /// <summary>
    /// Writes the report to <paramref name="stream"/>, which stays open. <paramref name="created"/> is
    /// recorded as the file's creation time.
    /// </summary>
    public static async Task WriteAsync(ReportDocument report, Stream stream, DateTimeOffset created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);

        // The package is built in memory first: OpenXml writes synchronously and seeks, which an
        // HTTP response body refuses. A report is tens of kilobytes.
        using var buffer = new MemoryStream();
        Write(report, buffer, created);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, cancellationToken);
    }

    private static void Write(ReportDocument report, MemoryStream buffer, DateTimeOffset created)
    {
        using var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = report.Title;
        package.PackageProperties.Creator = report.Signature;
        package.PackageProperties.Language = Language;
        package.PackageProperties.Created = created.UtcDateTime;
        package.PackageProperties.Modified = created.UtcDateTime;

        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = Settings();
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageNumberFooter();

        var body = new Body();
        body.Append(Paragraph(TitleStyle, report.Title));
        body.Append(report.Body.Select(Block));
        body.Append(Paragraph(SignatureStyle, report.Signature));
        body.Append(Paragraph(DateStyle, report.Lines[^1]));
        body.Append(Section(main.GetIdOfPart(footer)));
        main.Document = new Document(body);
    }

    private static Paragraph Block(ReportBlock block) => block switch
    {
        PartHeading heading => Paragraph(PartStyle, heading.Line),
        AspectHeading heading => Paragraph(AspectStyle, heading.Line),
        ReportParagraph { Lead: { } lead } paragraph => LeadParagraph(lead, paragraph.Text),
        ReportParagraph paragraph => Paragraph(null, paragraph.Text),
        _ => throw new ArgumentException($"No layout for {block.GetType().Name}.", nameof(block)),
    };

    private static Paragraph Paragraph(string? styleId, string text)
    {
        var paragraph = new Paragraph();
        if (styleId is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        paragraph.Append(TextRun(text, null));
        return paragraph;
    }

    /// <summary>
    /// The lead in bold, then the text in the body face. A （一） lead is also set in 楷体, the face of
    /// its level, so a point run into its paragraph looks like the （一） headings of the next part.
    /// </summary>
    private static Paragraph LeadParagraph(ParagraphLead lead, string text)
    {
        var leadFormat = new RunProperties();
        if (lead.Numbering == LeadNumbering.Parenthesized)
        {
            leadFormat.Append(Fonts(AspectFont));
        }

        leadFormat.Append(new Bold(), new BoldComplexScript());
        var paragraph = new Paragraph(TextRun(lead.Line, leadFormat));
        if (text.Length > 0)
        {
            paragraph.Append(TextRun(text, null));
        }

        return paragraph;
    }

    private static Run TextRun(string text, RunProperties? format)
    {
        var run = new Run();
        if (format is not null)
        {
            run.Append(format);
        }

        // Preserve: XML would otherwise drop leading and trailing spaces the caller gave.
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Styles Styles() => new(
        // Only the language is a document default; the look is in the styles, Normal being the body text.
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = Language, EastAsia = Language })),
            new ParagraphPropertiesDefault()),
        Style(BodyStyle, "Normal", basedOn: null, isDefault: true,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = Digits(LineTwips), LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = Digits(TwoCharactersTwips), FirstLineChars = TwoCharacters },
                new Justification { Val = JustificationValues.Both }),
            Format(BodyFont, BodySize)),
        Style(TitleStyle, "通报标题", BodyStyle, isDefault: false,
            new StyleParagraphProperties(
                // The blank line under the title (标题下空一行) is spacing, so the body holds no empty paragraph.
                new SpacingBetweenLines { After = Digits(LineTwips) },
                NoIndent(),
                new Justification { Val = JustificationValues.Center }),
            Format(TitleFont, TitleSize)),
        Style(PartStyle, "一级标题", BodyStyle, isDefault: false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
            Format(PartFont, null)),
        Style(AspectStyle, "二级标题", BodyStyle, isDefault: false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }),
            Format(AspectFont, null)),
        Style(SignatureStyle, "发文机关署名", BodyStyle, isDefault: false,
            new StyleParagraphProperties(
                // A blank line above the signature (正文下空一行), which stays on the page of its date.
                new KeepNext(),
                new SpacingBetweenLines { Before = Digits(LineTwips) },
                RightIndent(),
                new Justification { Val = JustificationValues.Right }),
            null),
        Style(DateStyle, "成文日期", BodyStyle, isDefault: false,
            new StyleParagraphProperties(RightIndent(), new Justification { Val = JustificationValues.Right }),
            null),
        Style(PageNumberStyle, "页码", BodyStyle, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                NoIndent(),
                new Justification { Val = JustificationValues.Center }),
            Format(PageNumberFont, PageNumberSize)));

    private static Style Style(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties paragraph, StyleRunProperties? run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = BodyStyle });
        }

        style.Append(new PrimaryStyle(), paragraph);
        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static StyleRunProperties Format(string font, int? size)
    {
        var format = new StyleRunProperties(Fonts(font));
        if (size is { } halfPoints)
        {
            var value = Digits(halfPoints);
            format.Append(new FontSize { Val = value }, new FontSizeComplexScript { Val = value });
        }

        return format;
    }

    /// <summary>The same face for Chinese, Latin and digits: official documents set figures in the body font.</summary>
    private static RunFonts Fonts(string font) =>
        new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia };

    // Both measures are zeroed: Word reads the character-based one first, so a 0 in twips alone would not undo Normal's indent.
    private static Indentation NoIndent() => new() { FirstLine = "0", FirstLineChars = 0 };

    /// <summary>右空二字: the signature and date end two characters short of the margin.</summary>
    private static Indentation RightIndent() =>
        new() { FirstLine = "0", FirstLineChars = 0, Right = Digits(TwoCharactersTwips), RightChars = TwoCharacters };

    /// <summary>
    /// The fonts the document names, each with its usual substitute (altName) and the GB2312
    /// character set (86), so a machine without the official fonts still shows Chinese text in a
    /// Chinese face of the same kind instead of a Latin fallback.
    /// </summary>
    private static Fonts FontTable() => new(
        FontEntry(TitleFont, "宋体", FontFamilyValues.Roman, FontPitchValues.Variable),
        FontEntry(BodyFont, "仿宋", FontFamilyValues.Modern, FontPitchValues.Fixed),
        FontEntry(PartFont, "SimHei", FontFamilyValues.Modern, FontPitchValues.Fixed),
        FontEntry(AspectFont, "楷体", FontFamilyValues.Modern, FontPitchValues.Fixed),
        FontEntry(PageNumberFont, "SimSun", FontFamilyValues.Auto, FontPitchValues.Variable));

    private static Font FontEntry(string name, string substitute, FontFamilyValues family, FontPitchValues pitch) =>
        new(new AltName { Val = substitute }, new FontCharSet { Val = "86" }, new FontFamily { Val = family }, new Pitch { Val = pitch }) { Name = name };

    private static Settings Settings() => new(
        new DefaultTabStop { Val = 420 },
        // Chinese punctuation compressed at line starts and ends, as Word does for Chinese text.
        new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
        // Word 2013+ layout, so Word does not open the file in compatibility mode.
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = Language });

    /// <summary>— 1 —: the page number between dashes (一字线), centred in 宋体 四号.</summary>
    private static Footer PageNumberFooter() => new(
        new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = PageNumberStyle }),
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));

    /// <summary>A4 with GB/T 9704's margins: 37mm top, 35mm bottom, 28mm left, 26mm right.</summary>
    private static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = (uint)Twips(21.0), Height = (uint)Twips(29.7) },
        new PageMargin
        {
            Top = Twips(3.7),
            Bottom = Twips(3.5),
            Left = (uint)Twips(2.8),
            Right = (uint)Twips(2.6),
            Header = (uint)Twips(1.5),
            // The page number sits about 7mm under the text block: 35mm margin less 7mm less the line's height.
            Footer = (uint)Twips(2.3),
            Gutter = 0,
        });

    internal static int Twips(double centimetres) => (int)Math.Round(centimetres / 2.54 * 1440);

    private static string Digits(int value) => value.ToString(CultureInfo.InvariantCulture);
}
