using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Ledger.Testing;

/// <summary>
/// .docx and .xlsx files written as Word and Excel write them (raw parts in a zip), including crafted ones: a sheet
/// that claims far cells, a document that inflates far beyond its size. In tables, a cell "^" continues the merged
/// cell above it and "&lt;" the one to its left.
/// </summary>
internal static class OfficeFiles
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <param name="blocks">Paragraphs (string) and tables (string[][]) in order.</param>
    public static byte[] Docx(params object[] blocks)
    {
        var body = new StringBuilder();
        foreach (var block in blocks)
        {
            body.Append(block switch
            {
                string paragraph => Paragraph(paragraph),
                string[][] table => WordTable(table),
                _ => throw new ArgumentException("a paragraph or a table", nameof(blocks)),
            });
        }

        return Zip(
            ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
            ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
            ("word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WordNs}"><w:body>{body}</w:body></w:document>"""));
    }

    /// <summary>The first sheet's rows, every cell a string; "^" and "&lt;" cells become merged ranges.</summary>
    public static byte[] Xlsx(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var data = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            data.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c] is { Length: > 0 } text and not ("^" or "<"))
                {
                    data.Append(CultureInfo.InvariantCulture, $"<c r=\"{Column(c)}{r + 1}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>");
                }
            }

            data.Append("</row>");
        }

        var merges = Merges(rows).Select(m => $"<mergeCell ref=\"{Column(m.Left)}{m.Top + 1}:{Column(m.Right)}{m.Bottom + 1}\"/>").ToList();
        var mergeCells = merges.Count == 0 ? string.Empty : $"<mergeCells count=\"{merges.Count}\">{string.Concat(merges)}</mergeCells>";
        return Workbook($"<sheetData>{data}</sheetData>{mergeCells}");
    }

    /// <summary>A workbook whose one sheet holds the given XML inside &lt;worksheet&gt;.</summary>
    public static byte[] Workbook(string sheetXml) => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
        ("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SheetNs}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
        ("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
        ("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SheetNs}">{sheetXml}</worksheet>"""));

    /// <summary>Issue 17's sheet: 1.5 KB that claims cell XFD1 and row 2000.</summary>
    public static byte[] SheetClaimingFarCells() => Workbook(
        """<dimension ref="A1:XFD2000"/><sheetData><row r="1" spans="1:16384"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row><row r="2000"><c r="A2000" t="inlineStr"><is><t>1</t></is></c></row></sheetData>""");

    /// <summary>Issue 17's document: a few hundred KB of zip whose body inflates to <paramref name="megabytes"/> MB.</summary>
    public static byte[] InflatingDocx(int megabytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{WordNs}\"><w:body>");
            var paragraph = Paragraph(new string('巡', 300));
            for (long written = 0; written < megabytes * 1024L * 1024; written += paragraph.Length * 3)
            {
                writer.Write(paragraph);
            }

            writer.Write("</w:body></w:document>");
        }

        return buffer.ToArray();
    }

    public static byte[] Zip(params (string Name, string Content)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static string Paragraph(string text) =>
        $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    private static string WordTable(string[][] rows)
    {
        var xml = new StringBuilder("<w:tbl>");
        for (var r = 0; r < rows.Length; r++)
        {
            xml.Append("<w:tr>");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var text = rows[r][c];
                if (text == "<")
                {
                    continue;
                }

                var span = 1;
                while (c + span < rows[r].Length && rows[r][c + span] == "<")
                {
                    span++;
                }

                var startsMerge = text != "^" && r + 1 < rows.Length && c < rows[r + 1].Length && rows[r + 1][c] == "^";
                var properties = (span > 1 ? $"<w:gridSpan w:val=\"{span}\"/>" : string.Empty)
                    + (text == "^" ? "<w:vMerge/>" : startsMerge ? "<w:vMerge w:val=\"restart\"/>" : string.Empty);
                var paragraphs = text == "^" ? "<w:p/>" : string.Concat(text.Split('\n').Select(Paragraph));
                xml.Append(CultureInfo.InvariantCulture, $"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}</w:tc>");
            }

            xml.Append("</w:tr>");
        }

        return xml.Append("</w:tbl>").ToString();
    }

    private static IEnumerable<(int Top, int Left, int Bottom, int Right)> Merges(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c] is "^" or "<")
                {
                    continue;
                }

                var right = c;
                while (right + 1 < rows[r].Count && rows[r][right + 1] == "<")
                {
                    right++;
                }

                var bottom = r;
                while (bottom + 1 < rows.Count && c < rows[bottom + 1].Count && rows[bottom + 1][c] == "^")
                {
                    bottom++;
                }

                if (right > c || bottom > r)
                {
                    yield return (r, c, bottom, right);
                }
            }
        }
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}
