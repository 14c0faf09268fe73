using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Ledger.Application.Reports;
using Ledger.Infrastructure.Importing;
using Ledger.Infrastructure.Reports;

namespace Ledger.Infrastructure.Tests.Reports;

public class ReportDocxWriterTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 20, 9, 30, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// The Changsha report (seed 002) in brief: a few blocks of every kind, texts from the seed with
    /// the published document's full-width punctuation, some of them shortened.
    /// </summary>
    private static ReportDocument Changsha() => new(
        "中共长沙市人民检察院党组关于巡察整改进展情况的通报",
        [
            new ReportParagraph("按照市委的统一部署，市委第三巡察组于2024年3月7日至2024年5月10日对长沙市人民检察院（以下简称“市检察院”）党组开展了巡察，并于2024年7月18日向市检察院党组反馈了巡察意见。按照党务公开原则和巡察工作有关要求，现将巡察整改情况予以公布。"),
            new PartHeading(1, "组织整改落实情况"),
            new ReportParagraph(
                "市检察院党组坚持以习近平新时代中国特色社会主义思想为指导，把巡察反馈意见整改作为一项重要政治任务。",
                ParagraphLead.Point(1, "深化思想认识，切实增强巡察整改的政治自觉。")),
            new ReportParagraph(
                "成立以党组书记、检察长任组长的巡察整改工作领导小组，全面负责整改落实工作的组织领导。",
                ParagraphLead.Point(2, "强化组织领导，全面压实巡察整改的工作责任。")),
            new ReportParagraph("截至2025年1月16日，巡察反馈的40个具体问题，已完成整改24个，阶段性完成整改16个；巡察交办立行立改事项4个，整改完成4个；交办信访件20件，已全部办结。"),
            new PartHeading(2, "巡察反馈问题整改进展情况"),
            new AspectHeading(1, "各项整改留有尾巴方面"),
            new ReportParagraph("上一轮巡察整改个别问题未整改到位。", ParagraphLead.Item(1, "关于“上一轮巡察整改遗留问题”的问题。")),
            new ReportParagraph(
                "对巡察反馈存在问题的相关项目进行深入自查，形成自查自纠情况报告3份，深刻剖析问题原因，精心制定相关措施，杜绝问题再次发生。",
                ParagraphLead.Label("整改完成情况：")),
            new AspectHeading(2, "贯彻落实党的理论路线方针政策和上级决策部署有差距方面"),
            new ReportParagraph("违规打听、过问案件时有发生。", ParagraphLead.Item(4, "关于“教育整顿顽疾整治不彻底”的问题。")),
            new ReportParagraph(
                "（1）注重问题的排查处理，不护短。（2）注重问题的源头预防，强根本。",
                ParagraphLead.Label("整改完成情况：")),
            new PartHeading(3, "继续深化后续整改"),
            new ReportParagraph("市检察院党组将坚持以习近平新时代中国特色社会主义思想为指导，持续巩固提升整改成效。"),
            new ReportParagraph("深学笃用习近平新时代中国特色社会主义思想，学深悟透习近平法治思想。", ParagraphLead.Ordinal(1, "在强化政治建设上下功夫。")),
            new ReportParagraph("坚持目标任务不变、标准要求不降、工作力度不减。", ParagraphLead.Ordinal(2, "在抓好持续整改上下功夫。")),
            new ReportParagraph("欢迎广大干部群众对巡察整改落实情况进行监督。联系方式：电话0731-88628333；电子邮箱：csjcxcc@163.com。"),
        ],
        "中共长沙市人民检察院党组",
        new DateOnly(2025, 1, 16));

    private static async Task<byte[]> RenderAsync(ReportDocument report)
    {
        using var stream = new MemoryStream();
        await ReportDocxWriter.WriteAsync(report, stream, Created, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<WordprocessingDocument> OpenAsync(ReportDocument report) =>
        WordprocessingDocument.Open(new MemoryStream(await RenderAsync(report), writable: false), isEditable: false);

    private static Body BodyOf(WordprocessingDocument document) => document.MainDocumentPart!.Document!.Body!;

    private static List<Paragraph> Paragraphs(WordprocessingDocument document) => BodyOf(document).Elements<Paragraph>().ToList();

    [Fact]
    public async Task The_paragraphs_are_the_lines_of_the_plain_text_in_order_and_nothing_else()
    {
        var report = Changsha();
        using var document = await OpenAsync(report);

        var expected = report.ToPlainText().TrimEnd('\n').Split('\n');
        Assert.Equal(expected, Paragraphs(document).Select(p => p.InnerText));
        Assert.Equal(report.Lines, Paragraphs(document).Select(p => p.InnerText));

        // Nothing else in the body: no empty spacer paragraphs, no tables; the section settings close it.
        Assert.Equal(expected.Length + 1, BodyOf(document).ChildElements.Count);
        Assert.IsType<SectionProperties>(BodyOf(document).LastChild);
    }

    [Fact]
    public async Task The_importers_document_reader_reads_the_plain_text_back()
    {
        var report = Changsha();

        var text = new DocumentReader().Read(await RenderAsync(report), "通报.docx").Text;

        Assert.Equal(report.ToPlainText().TrimEnd('\n'), text);
    }

    [Theory]
    [InlineData("Office2010")]
    [InlineData("Office2019")]
    [InlineData("Microsoft365")]
    public async Task The_package_validates_without_errors(string version)
    {
        using var document = await OpenAsync(Changsha());

        var errors = new OpenXmlValidator(Enum.Parse<FileFormatVersions>(version)).Validate(document).ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public async Task The_title_is_centred_in_xiaobiaosong_22pt_falling_back_to_songti()
    {
        using var document = await OpenAsync(Changsha());
        var title = Paragraphs(document)[0];

        Assert.Equal("中共长沙市人民检察院党组关于巡察整改进展情况的通报", title.InnerText);
        var style = StyleOf(document, title);
        Assert.Equal("方正小标宋简体", Inherited(document, style, s => Fonts(s)?.EastAsia?.Value));
        Assert.Equal("方正小标宋简体", Inherited(document, style, s => Fonts(s)?.Ascii?.Value));
        Assert.Equal("44", Inherited(document, style, s => s.StyleRunProperties?.GetFirstChild<FontSize>()?.Val?.Value));
        Assert.Equal(JustificationValues.Center, Inherited(document, style, s => s.StyleParagraphProperties?.Justification?.Val?.Value));
        Assert.Equal(0, Inherited(document, style, s => s.StyleParagraphProperties?.Indentation?.FirstLineChars?.Value));
        Assert.Equal("560", Inherited(document, style, s => s.StyleParagraphProperties?.SpacingBetweenLines?.After?.Value));

        var font = document.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "方正小标宋简体");
        Assert.Equal("宋体", font.AltName?.Val?.Value);
        Assert.Equal("86", font.FontCharSet?.Val?.Value);
    }

    [Fact]
    public async Task The_body_is_fangsong_16pt_indented_two_characters_on_fixed_28pt_lines_in_chinese()
    {
        using var document = await OpenAsync(Changsha());
        var opening = Paragraphs(document)[1];

        Assert.Null(opening.ParagraphProperties?.ParagraphStyleId);
        Assert.All(opening.Elements<Run>(), r => Assert.Null(r.RunProperties));
        var normal = StyleOf(document, opening);
        Assert.Equal("Normal", normal.StyleId?.Value);
        Assert.True(normal.Default?.Value);
        Assert.Equal(["仿宋_GB2312"], AllFaces(Fonts(normal)!));
        Assert.Equal("32", normal.StyleRunProperties?.GetFirstChild<FontSize>()?.Val?.Value);
        var layout = normal.StyleParagraphProperties!;
        Assert.Equal(("560", LineSpacingRuleValues.Exact), (layout.SpacingBetweenLines?.Line?.Value, layout.SpacingBetweenLines?.LineRule?.Value));
        Assert.Equal((200, "640"), (layout.Indentation?.FirstLineChars?.Value, layout.Indentation?.FirstLine?.Value));
        Assert.Equal(JustificationValues.Both, layout.Justification?.Val?.Value);

        var defaults = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var language = defaults.GetFirstChild<Languages>()!;
        Assert.Equal(("zh-CN", "zh-CN"), (language.Val?.Value, language.EastAsia?.Value));
    }

    [Fact]
    public async Task Part_headings_are_heiti_and_aspect_headings_kaiti_and_both_are_in_the_outline()
    {
        using var document = await OpenAsync(Changsha());
        var paragraphs = Paragraphs(document);

        var part = paragraphs.Single(p => p.InnerText == "二、巡察反馈问题整改进展情况");
        var partStyle = StyleOf(document, part);
        Assert.Equal(["黑体"], AllFaces(Fonts(partStyle)!));
        Assert.Equal("32", Inherited(document, partStyle, s => s.StyleRunProperties?.GetFirstChild<FontSize>()?.Val?.Value));
        Assert.Equal(0, partStyle.StyleParagraphProperties?.OutlineLevel?.Val?.Value);
        Assert.Equal(200, Inherited(document, partStyle, s => s.StyleParagraphProperties?.Indentation?.FirstLineChars?.Value));

        var aspect = paragraphs.Single(p => p.InnerText == "（一）各项整改留有尾巴方面");
        var aspectStyle = StyleOf(document, aspect);
        Assert.Equal(["楷体_GB2312"], AllFaces(Fonts(aspectStyle)!));
        Assert.Equal(1, aspectStyle.StyleParagraphProperties?.OutlineLevel?.Val?.Value);

        Assert.Equal(3, paragraphs.Count(p => StyleOf(document, p) == partStyle));
        Assert.Equal(2, paragraphs.Count(p => StyleOf(document, p) == aspectStyle));
    }

    [Fact]
    public async Task Leads_are_bold_and_the_text_after_them_is_not()
    {
        using var document = await OpenAsync(Changsha());
        var paragraphs = Paragraphs(document);

        var item = paragraphs.Single(p => p.InnerText.StartsWith("1.关于", StringComparison.Ordinal));
        var (lead, text) = (item.Elements<Run>().First(), item.Elements<Run>().Last());
        Assert.Equal(2, item.Elements<Run>().Count());
        Assert.Equal("1.关于“上一轮巡察整改遗留问题”的问题。", lead.InnerText);
        Assert.NotNull(lead.RunProperties?.Bold);
        Assert.Null(lead.RunProperties?.RunFonts);
        Assert.Equal("上一轮巡察整改个别问题未整改到位。", text.InnerText);
        Assert.Null(text.RunProperties);

        var label = paragraphs.First(p => p.InnerText.StartsWith("整改完成情况：", StringComparison.Ordinal)).Elements<Run>().First();
        Assert.Equal(("整改完成情况：", true), (label.InnerText, label.RunProperties?.Bold is not null));

        var step = paragraphs.Single(p => p.InnerText.StartsWith("二是", StringComparison.Ordinal)).Elements<Run>().First();
        Assert.Equal(("二是在抓好持续整改上下功夫。", true), (step.InnerText, step.RunProperties?.Bold is not null));

        // A （一） point run into its paragraph takes the face of the （一） headings.
        var point = paragraphs.Single(p => p.InnerText.StartsWith("（二）强化组织领导", StringComparison.Ordinal)).Elements<Run>().First();
        Assert.Equal("（二）强化组织领导，全面压实巡察整改的工作责任。", point.InnerText);
        Assert.NotNull(point.RunProperties?.Bold);
        Assert.Equal(["楷体_GB2312"], AllFaces(point.RunProperties!.RunFonts!));

        Assert.All(
            paragraphs.Where(p => p.ParagraphProperties is null && p.Elements<Run>().Count() == 1),
            p => Assert.Null(p.GetFirstChild<Run>()!.RunProperties));
    }

    [Fact]
    public async Task Signature_and_date_close_the_report_right_aligned_two_characters_from_the_margin()
    {
        using var document = await OpenAsync(Changsha());
        var paragraphs = Paragraphs(document);

        var (signature, date) = (paragraphs[^2], paragraphs[^1]);
        Assert.Equal(("中共长沙市人民检察院党组", "2025年1月16日"), (signature.InnerText, date.InnerText));
        foreach (var paragraph in new[] { signature, date })
        {
            var style = StyleOf(document, paragraph);
            Assert.Equal(JustificationValues.Right, style.StyleParagraphProperties?.Justification?.Val?.Value);
            Assert.Equal((200, 0), (style.StyleParagraphProperties?.Indentation?.RightChars?.Value, style.StyleParagraphProperties?.Indentation?.FirstLineChars?.Value));
            Assert.Equal("仿宋_GB2312", Inherited(document, style, s => Fonts(s)?.EastAsia?.Value));
        }

        // The blank line above the signature is spacing, and the signature keeps with its date.
        var signatureLayout = StyleOf(document, signature).StyleParagraphProperties!;
        Assert.Equal("560", signatureLayout.SpacingBetweenLines?.Before?.Value);
        Assert.NotNull(signatureLayout.KeepNext);
    }

    [Fact]
    public async Task The_page_is_a4_with_the_official_margins_and_numbered_in_the_footer()
    {
        using var document = await OpenAsync(Changsha());
        var section = BodyOf(document).GetFirstChild<SectionProperties>()!;

        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width?.Value, size.Height?.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        // 37mm, 35mm, 28mm and 26mm in twips (1440 to the inch).
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top?.Value, margin.Bottom?.Value, margin.Left?.Value, margin.Right?.Value));

        var reference = section.GetFirstChild<FooterReference>()!;
        Assert.Equal(HeaderFooterValues.Default, reference.Type?.Value);
        var footer = ((FooterPart)document.MainDocumentPart!.GetPartById(reference.Id!.Value!)).Footer!;
        var number = footer.Elements<Paragraph>().Single();
        Assert.Equal("— 1 —", number.InnerText);
        Assert.Equal(" PAGE ", number.GetFirstChild<SimpleField>()?.Instruction?.Value);
        var style = StyleOf(document, number);
        Assert.Equal(JustificationValues.Center, style.StyleParagraphProperties?.Justification?.Val?.Value);
        Assert.Equal(("宋体", "28"), (Fonts(style)?.EastAsia?.Value, style.StyleRunProperties?.GetFirstChild<FontSize>()?.Val?.Value));
    }

    [Fact]
    public async Task Core_properties_give_the_title_the_issuer_the_language_and_when_it_was_made()
    {
        using var document = await OpenAsync(Changsha());

        var properties = document.PackageProperties;
        Assert.Equal("中共长沙市人民检察院党组关于巡察整改进展情况的通报", properties.Title);
        Assert.Equal("中共长沙市人民检察院党组", properties.Creator);
        Assert.Equal("zh-CN", properties.Language);
        Assert.Equal(Created.UtcDateTime, properties.Created?.ToUniversalTime());
    }

    [Fact]
    public async Task Spaces_in_the_text_survive_the_round_trip()
    {
        var report = new ReportDocument(
            "通报",
            [new ReportParagraph("举行“生态环境公益诉讼检察 助力美丽中国建设”检察开放日活动。"), new ReportParagraph(" 前后有空格 ")],
            "党组",
            new DateOnly(2024, 7, 8));
        using var document = await OpenAsync(report);

        Assert.Equal(report.Lines, Paragraphs(document).Select(p => p.InnerText));
    }

    [Fact]
    public async Task It_writes_to_a_response_body_that_neither_seeks_nor_takes_synchronous_writes()
    {
        var report = Changsha();
        using var target = new ResponseBodyStream();

        await ReportDocxWriter.WriteAsync(report, target, Created, CancellationToken.None);

        Assert.True(target.CanWrite, "the caller's stream is left open");
        using var document = WordprocessingDocument.Open(new MemoryStream(target.Written.ToArray()), isEditable: false);
        Assert.Equal(report.Lines, Paragraphs(document).Select(p => p.InnerText));
    }

    private static Style StyleOf(WordprocessingDocument document, Paragraph paragraph)
    {
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>();
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        return id is null
            ? styles.Single(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true)
            : styles.Single(s => s.StyleId?.Value == id);
    }

    /// <summary>A style's setting, or the one it inherits through basedOn, as Word resolves it.</summary>
    private static T? Inherited<T>(WordprocessingDocument document, Style style, Func<Style, T?> setting)
    {
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        for (Style? current = style; current is not null; current = styles.SingleOrDefault(s => s.StyleId?.Value == current.BasedOn?.Val?.Value))
        {
            if (setting(current) is { } value)
            {
                return value;
            }
        }

        return default;
    }

    private static RunFonts? Fonts(Style style) => style.StyleRunProperties?.RunFonts;

    /// <summary>The distinct faces for Chinese, Latin and complex script, which the report sets alike.</summary>
    private static string[] AllFaces(RunFonts fonts) =>
        [.. new[] { fonts.EastAsia, fonts.Ascii, fonts.HighAnsi, fonts.ComplexScript }.Select(f => f?.Value ?? "(unset)").Distinct()];

    /// <summary>Like Kestrel's response body with AllowSynchronousIO off: forward only, asynchronous writes only.</summary>
    private sealed class ResponseBodyStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Written.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Written.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Written.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
