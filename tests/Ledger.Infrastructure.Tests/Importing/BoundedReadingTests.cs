using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Ledger.Application.Importing;
using Ledger.Infrastructure.Importing;
using Ledger.Testing;

namespace Ledger.Infrastructure.Tests.Importing;

/// <summary>Crafted files stop at a limit while they are read, with the user's words for which limit.</summary>
public class BoundedReadingTests
{
    private static readonly string[][] TaskTable = [["问题", "整改措施", "责任单位"], ["会风不严", "修订制度", "办公室"], ["^", "开展督查", "<"]];

    [Fact]
    public void A_sheet_claiming_cell_XFD1_and_row_2000_is_refused_at_the_column_limit()
    {
        var file = OfficeFiles.SheetClaimingFarCells();
        var watch = Stopwatch.StartNew();

        var refused = Assert.Throws<DocumentRefusedException>(() => new SpreadsheetReader().ReadRows(file));

        Assert.True(file.Length < 2048, $"{file.Length} bytes");
        Assert.Equal("表格单元格 XFD1 超出 64 列的上限，未导入。", refused.Message);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Formatting_far_beyond_the_data_is_ignored_but_rows_beyond_the_limit_are_refused()
    {
        var formatted = OfficeFiles.Workbook("""<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="XFD1" s="1"/></row><row r="1048576"><c r="B1048576" s="1"/></row></sheetData>""");
        Assert.Equal(["序号"], Assert.Single(new SpreadsheetReader().ReadRows(formatted)));

        var far = OfficeFiles.Workbook("""<sheetData><row r="5001"><c r="A5001" t="inlineStr"><is><t>1</t></is></c></row></sheetData>""");
        Assert.Equal("表格第5001行超出 5,000 行的上限，未导入。", Assert.Throws<DocumentRefusedException>(() => new SpreadsheetReader().ReadRows(far)).Message);
    }

    [Fact]
    public void A_docx_inflating_to_50_MB_is_refused_while_it_inflates()
    {
        var file = OfficeFiles.InflatingDocx(50);
        var watch = Stopwatch.StartNew();

        var refused = Assert.Throws<DocumentRefusedException>(() => new DocumentReader().Read(file, "方案.docx"));

        Assert.True(file.Length < 400 * 1024, $"{file.Length} bytes");
        Assert.Equal("文档的文字超过 2,000,000 个字符的上限，可能是损坏或特制的文件，未导入。", refused.Message);
        Assert.True(watch.ElapsedMilliseconds < 3000, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_part_inflating_beyond_32_MB_is_refused_however_little_text_it_holds()
    {
        // Markup without text: only the count of inflated bytes stops it.
        var markup = string.Concat(Enumerable.Repeat("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p>", 33 * 1024 * 1024 / 46));
        var file = OfficeFiles.Zip(("word/document.xml", $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{markup}</w:body></w:document>"));

        var refused = Assert.Throws<DocumentRefusedException>(() => new DocumentReader().Read(file, "x.docx"));

        Assert.Equal("文件中的“word/document.xml”解压后超过 32 MB 的上限，可能是损坏或特制的文件，未导入。", refused.Message);
    }

    [Fact]
    public void A_zip_entry_lying_about_its_size_is_counted_as_it_inflates()
    {
        var file = OfficeFiles.InflatingDocx(40);
        Understate(file, "word/document.xml");

        var refused = Assert.Throws<DocumentRefusedException>(() => new DocumentReader().Read(file, "方案.docx"));

        // Either the inflated bytes reach the limit, or the zip reader notices the lie first: both are refusals in the user's words.
        Assert.True(refused.Message.Contains("上限", StringComparison.Ordinal) || refused.Message == "文件不是有效的 Word (.docx) 文档。", refused.Message);
    }

    [Fact]
    public void A_paragraph_longer_than_the_line_limit_is_refused_with_its_line()
    {
        var file = OfficeFiles.Docx("县委第二巡察组对某局党组开展了巡察。", new string('问', DocumentLimits.MaxLineCharacters + 1));

        var refused = Assert.Throws<DocumentRefusedException>(() => new DocumentReader().Read(file, "x.docx"));

        Assert.StartsWith("第2行有 20,001 个字符，超过每行 20,000 个字符的上限", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_request_stops_reading()
    {
        var rows = Enumerable.Range(1, 3000).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), "问题"]).ToList();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new SpreadsheetReader().ReadRows(OfficeFiles.Xlsx(rows), cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => new DocumentReader().Read(OfficeFiles.Docx("一", "二"), "x.docx", cancelled.Token));
    }

    [Fact]
    public void Word_tables_keep_merged_cells_and_sheets_carry_them_into_every_cell_they_cover()
    {
        var docx = new DocumentReader().Read(
            OfficeFiles.Docx("整改任务清单", TaskTable),
            "x.docx");
        var table = Assert.Single(docx.Tables);
        Assert.Equal(new TableCell("会风不严", Continues: true), table.Rows[2][0]);
        Assert.Equal(new TableCell("开展督查", Continues: true), table.Rows[2][2]);
        Assert.Equal("整改任务清单\n问题\n整改措施\n责任单位\n会风不严\n修订制度\n办公室\n开展督查", docx.Text);

        var sheet = SpreadsheetReader.ReadSheet(OfficeFiles.Xlsx([["方面", "问题"], ["政治建设方面", "甲"], ["^", "乙"]]));
        Assert.Equal(new TableCell("政治建设方面", Continues: true), sheet.Rows[2][0]);
    }

    [Fact]
    public void Word_list_numbering_is_read_as_the_labels_word_shows()
    {
        const string W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        static string Numbered(int level, string text) =>
            $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";
        var file = OfficeFiles.Zip(
            ("word/numbering.xml", $"<w:numbering {W}><w:abstractNum w:abstractNumId=\"7\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl><w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl></w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>"),
            ("word/document.xml", $"<w:document {W}><w:body>{Numbered(0, "问题整改情况")}{Numbered(1, "作风建设方面")}{Numbered(2, "会风不严。")}{Numbered(2, "文风不实。")}{Numbered(1, "纪律建设方面")}{Numbered(2, "公车私用。")}<w:p><w:r><w:t>落款</w:t></w:r></w:p></w:body></w:document>"));

        var text = new DocumentReader().Read(file, "通报.docx").Text;

        Assert.Equal("一、问题整改情况\n（一）作风建设方面\n1.会风不严。\n2.文风不实。\n（二）纪律建设方面\n1.公车私用。\n落款", text);
    }

    /// <summary>Rewrites the local and central headers of <paramref name="entry"/> to claim 1 KB inflated.</summary>
    private static void Understate(byte[] zip, string entry)
    {
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var local = zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 3 && zip[i + 3] == 4;
            var central = zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 1 && zip[i + 3] == 2;
            var sizeAt = local ? i + 22 : central ? i + 24 : -1;
            var nameAt = local ? i + 30 : i + 46;
            if (sizeAt > 0 && zip.AsSpan(nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(sizeAt, 4), 1024);
            }
        }

        using var check = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(1024, check.GetEntry(entry)!.Length);
    }
}
