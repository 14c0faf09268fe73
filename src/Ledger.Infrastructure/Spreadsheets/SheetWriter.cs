using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Ledger.Infrastructure.Spreadsheets;

/// <summary>A column of a <see cref="SheetWriter"/> sheet: its width in characters and whether long text wraps.</summary>
public sealed record SheetColumn(double Width, bool Wrap = false);

/// <summary>
/// Writes an .xlsx a row at a time, as the rows are read, so a sheet of any length takes the memory of one row: the
/// sheet XML goes straight into the zip entry. Strings are written inline, whole numbers as numbers and
/// <see cref="DateOnly"/> values as dates shown 2025年1月16日, which Excel filters and sorts as dates. The header row
/// (the row after <c>headerRow - 1</c> leading rows, e.g. a title) is frozen and carries the filter.
/// </summary>
public sealed class SheetWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Cell formats in styles.xml, in this order.
    private const int Plain = 0;
    private const int Wrapped = 1;
    private const int Date = 2;
    private const int Header = 3;
    private const int Title = 4;

    private readonly ZipArchive _zip;
    private readonly List<(string Name, string Filter)> _sheets = [];

    public SheetWriter(Stream stream) => _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);

    /// <summary>One sheet: <paramref name="leading"/> rows above the header (a title spans the columns), the header, then the rows.</summary>
    public async Task AddSheetAsync(
        string name, IReadOnlyList<SheetColumn> columns, IReadOnlyList<string> leading, IReadOnlyList<string> header,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(leading);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var xml = XmlWriter.Create(_zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count + 1}.xml", CompressionLevel.Fastest).Open(), new XmlWriterSettings { CloseOutput = true });
        var headerRow = leading.Count + 1;
        var last = Column(columns.Count - 1);
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane");
        xml.WriteAttributeString("ySplit", headerRow.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("topLeftCell", $"A{headerRow + 1}");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("cols");
        for (var c = 0; c < columns.Count; c++)
        {
            xml.WriteStartElement("col");
            xml.WriteAttributeString("min", (c + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("max", (c + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("width", columns[c].Width.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("sheetData");
        var row = 0;
        foreach (var text in leading)
        {
            WriteRow(xml, ++row, [text], _ => Title);
        }

        WriteRow(xml, ++row, [.. header], _ => Header);
        await foreach (var cells in rows.WithCancellation(cancellationToken))
        {
            WriteRow(xml, ++row, cells, c => c < columns.Count && columns[c].Wrap ? Wrapped : Plain);
        }

        xml.WriteEndElement();
        var filter = $"A{headerRow}:{last}{Math.Max(row, headerRow)}";
        _sheets.Add((name, $"'{name}'!$A${headerRow}:${last}${Math.Max(row, headerRow)}"));
        xml.WriteStartElement("autoFilter");
        xml.WriteAttributeString("ref", filter);
        xml.WriteEndElement();
        if (leading.Count > 0)
        {
            xml.WriteStartElement("mergeCells");
            for (var r = 1; r <= leading.Count; r++)
            {
                xml.WriteStartElement("mergeCell");
                xml.WriteAttributeString("ref", $"A{r}:{last}{r}");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    public void Dispose()
    {
        Part("[Content_Types].xml", x =>
        {
            x.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(x, "xml", "application/xml");
            Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var s = 1; s <= _sheets.Count; s++)
            {
                Override(x, $"/xl/worksheets/sheet{s}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }
        });
        Part("_rels/.rels", x =>
        {
            x.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            Relationship(x, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        });
        Part("xl/_rels/workbook.xml.rels", x =>
        {
            x.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            for (var s = 1; s <= _sheets.Count; s++)
            {
                Relationship(x, $"rId{s}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{s}.xml");
            }

            Relationship(x, $"rId{_sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        });
        Part("xl/workbook.xml", x =>
        {
            x.WriteStartElement("workbook", Main);
            x.WriteAttributeString("xmlns", "r", null, Relationships);
            x.WriteStartElement("sheets");
            for (var s = 1; s <= _sheets.Count; s++)
            {
                x.WriteStartElement("sheet");
                x.WriteAttributeString("name", _sheets[s - 1].Name);
                x.WriteAttributeString("sheetId", s.ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("id", Relationships, $"rId{s}");
                x.WriteEndElement();
            }

            x.WriteEndElement();
            x.WriteStartElement("definedNames");
            for (var s = 1; s <= _sheets.Count; s++)
            {
                // Excel shows the filter buttons only where the sheet's filter database is named.
                x.WriteStartElement("definedName");
                x.WriteAttributeString("name", "_xlnm._FilterDatabase");
                x.WriteAttributeString("localSheetId", (s - 1).ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("hidden", "1");
                x.WriteString(_sheets[s - 1].Filter);
                x.WriteEndElement();
            }
        });
        using (var styles = new StreamWriter(_zip.CreateEntry("xl/styles.xml", CompressionLevel.Fastest).Open()))
        {
            styles.Write(Styles);
        }

        _zip.Dispose();
    }

    private const string Styles =
        "<styleSheet xmlns=\"" + Main + "\">" +
        "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>" +
        "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"14\"/><name val=\"宋体\"/></font></fonts>" +
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
        "<cellXfs count=\"5\">" +
        "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"><alignment vertical=\"top\"/></xf>" +
        "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>" +
        "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"><alignment vertical=\"top\"/></xf>" +
        "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>" +
        "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>" +
        "</cellXfs></styleSheet>";

    private static void WriteRow(XmlWriter xml, int row, IReadOnlyList<object?> cells, Func<int, int> style)
    {
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c] is not { } value)
            {
                continue;
            }

            xml.WriteStartElement("c");
            xml.WriteAttributeString("r", Column(c) + row.ToString(CultureInfo.InvariantCulture));
            switch (value)
            {
                case int number:
                    xml.WriteAttributeString("s", style(c).ToString(CultureInfo.InvariantCulture));
                    xml.WriteElementString("v", number.ToString(CultureInfo.InvariantCulture));
                    break;
                case DateOnly date:
                    xml.WriteAttributeString("s", Date.ToString(CultureInfo.InvariantCulture));
                    xml.WriteElementString("v", date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    xml.WriteAttributeString("s", style(c).ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is");
                    xml.WriteStartElement("t");
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(XmlSafe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Characters XML cannot carry at all are dropped rather than failing the whole export.</summary>
    private static string XmlSafe(string text) =>
        text.Any(ch => !XmlConvert.IsXmlChar(ch) && !char.IsSurrogate(ch)) ? new string([.. text.Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch))]) : text;

    private static string Column(int index) => Workbook.ColumnName(index);

    private void Part(string path, Action<XmlWriter> write)
    {
        using var xml = XmlWriter.Create(_zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new XmlWriterSettings { CloseOutput = true });
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Default(XmlWriter x, string extension, string type)
    {
        x.WriteStartElement("Default");
        x.WriteAttributeString("Extension", extension);
        x.WriteAttributeString("ContentType", type);
        x.WriteEndElement();
    }

    private static void Override(XmlWriter x, string part, string type)
    {
        x.WriteStartElement("Override");
        x.WriteAttributeString("PartName", part);
        x.WriteAttributeString("ContentType", type);
        x.WriteEndElement();
    }

    private static void Relationship(XmlWriter x, string id, string type, string target)
    {
        x.WriteStartElement("Relationship");
        x.WriteAttributeString("Id", id);
        x.WriteAttributeString("Type", type);
        x.WriteAttributeString("Target", target);
        x.WriteEndElement();
    }
}
