using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Ledger.Application.Importing;

namespace Ledger.Infrastructure.Importing;

/// <summary>
/// Reads the first worksheet of an .xlsx by streaming its XML: shared strings, inline strings, numbers, dates
/// (by the cell's number format) and merged ranges. Rows, columns, cells and inflated bytes are counted as they
/// come, so a sheet that claims cell XFD1 or a million rows stops at <see cref="DocumentLimits"/>, not after.
/// </summary>
public sealed class SpreadsheetReader : ISpreadsheetReader
{
    private const string NotReadable = "无法读取该 Excel 文件，请上传 .xlsx 格式的台账（可用“导出 Excel”得到的表格填写）。";

    /// <summary>Built-in number formats that show a date (ECMA-376 18.8.30, with the CJK ones).</summary>
    private static readonly HashSet<int> DateFormats = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58];

    public IReadOnlyList<IReadOnlyList<string>> ReadRows(byte[] content, CancellationToken cancellationToken = default) =>
        ReadSheet(content, cancellationToken).Rows.Select(r => (IReadOnlyList<string>)r.Select(c => c.Continues ? string.Empty : c.Text).ToList()).ToList();

    /// <summary>The first sheet with merged cells carried into every cell they cover.</summary>
    /// <exception cref="DocumentRefusedException">Not a readable workbook, or beyond a limit.</exception>
    public static DocumentTable ReadSheet(byte[] content, CancellationToken cancellationToken = default)
    {
        using var zip = OpenXmlParts.Open(content, NotReadable);
        return OpenXmlParts.Guard(
            () =>
            {
                var sheet = FirstSheetPath(zip) ?? throw new DocumentRefusedException(NotReadable);
                var strings = SharedStrings(zip, cancellationToken);
                var dateStyles = DateStyles(zip);
                using var reader = OpenXmlParts.Read(zip, sheet) ?? throw new DocumentRefusedException(NotReadable);
                return new DocumentTable(1, Cells(reader, strings, dateStyles, cancellationToken));
            },
            NotReadable);
    }

    private static string? FirstSheetPath(ZipArchive zip)
    {
        string? relation = null;
        using (var workbook = OpenXmlParts.Read(zip, "xl/workbook.xml"))
        {
            while (workbook is not null && relation is null && workbook.Read())
            {
                if (workbook is { NodeType: XmlNodeType.Element, LocalName: "sheet" })
                {
                    relation = OpenXmlParts.Attribute(workbook, "id");
                }
            }
        }

        using var relations = OpenXmlParts.Read(zip, "xl/_rels/workbook.xml.rels");
        while (relation is not null && relations is not null && relations.Read())
        {
            if (relations is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && OpenXmlParts.Attribute(relations, "Id") == relation
                && OpenXmlParts.Attribute(relations, "Target") is { } target)
            {
                return target.StartsWith('/') ? target[1..] : "xl/" + target;
            }
        }

        return zip.GetEntry("xl/worksheets/sheet1.xml") is null ? null : "xl/worksheets/sheet1.xml";
    }

    private static List<string> SharedStrings(ZipArchive zip, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        using var reader = OpenXmlParts.Read(zip, "xl/sharedStrings.xml");
        while (reader is not null && reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "si" })
            {
                cancellationToken.ThrowIfCancellationRequested();
                strings.Add(Text(reader));
            }
        }

        return strings;
    }

    /// <summary>Indexes of cell formats (a cell's <c>s</c>) whose number format shows a date.</summary>
    private static HashSet<int> DateStyles(ZipArchive zip)
    {
        var custom = new HashSet<int>();
        var styles = new HashSet<int>();
        using var reader = OpenXmlParts.Read(zip, "xl/styles.xml");
        var inCellFormats = false;
        var index = 0;
        while (reader is not null && reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(OpenXmlParts.Attribute(reader, "numFmtId"), out var id) && IsDateFormat(OpenXmlParts.Attribute(reader, "formatCode")):
                    custom.Add(id);
                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    if (int.TryParse(OpenXmlParts.Attribute(reader, "numFmtId"), out var format) && (DateFormats.Contains(format) || custom.Contains(format)))
                    {
                        styles.Add(index);
                    }

                    index++;
                    break;
            }
        }

        return styles;
    }

    /// <summary>A custom format shows a date when, outside quoted text and [colour] sections, it has a year or day.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracket = true;
                    break;
                case ']' when !quoted:
                    bracket = false;
                    break;
                case 'y' or 'Y' or 'd' or 'D' when !quoted && !bracket:
                    return true;
            }
        }

        return false;
    }

    private static List<IReadOnlyList<TableCell>> Cells(XmlReader reader, List<string> strings, HashSet<int> dateStyles, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<(int Row, int Column), string>();
        var merges = new List<(int Top, int Left, int Bottom, int Right)>();
        var rowNumber = 0;
        var lastRow = 0;
        var lastColumn = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "row":
                    cancellationToken.ThrowIfCancellationRequested();
                    rowNumber = int.TryParse(OpenXmlParts.Attribute(reader, "r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                    break;
                case "c":
                    var reference = OpenXmlParts.Attribute(reader, "r");
                    var (row, column) = reference is null ? (rowNumber, lastColumn + 1) : Reference(reference);
                    var value = CellValue(reader, OpenXmlParts.Attribute(reader, "t"), OpenXmlParts.Attribute(reader, "s"), strings, dateStyles);
                    lastColumn = column;
                    if (value.Length == 0 || row < 1 || column < 1)
                    {
                        // Formatting reaches far beyond the data in many sheets: only cells with text count against the limits.
                        break;
                    }

                    Check(row, column, reference, cells.Count);
                    cells[(row, column)] = value;
                    lastRow = Math.Max(lastRow, row);
                    break;
                case "mergeCell" when OpenXmlParts.Attribute(reader, "ref") is { } range && range.Split(':') is [var from, var to]:
                    var (top, left) = Reference(from);
                    var (bottom, right) = Reference(to);
                    if (bottom >= top && right >= left && top <= lastRow)
                    {
                        merges.Add((top, left, Math.Min(bottom, Math.Max(lastRow, top)), Math.Min(right, DocumentLimits.MaxColumns)));
                    }

                    break;
            }
        }

        return Layout(cells, merges, lastRow);
    }

    private static void Check(int row, int column, string? reference, int count)
    {
        if (row > DocumentLimits.MaxRows)
        {
            throw new DocumentRefusedException(DocumentLimits.TooManyRows(row));
        }

        if (column > DocumentLimits.MaxColumns)
        {
            throw new DocumentRefusedException(DocumentLimits.TooManyColumns(reference ?? $"第{column}列"));
        }

        if (count >= DocumentLimits.MaxCells)
        {
            throw new DocumentRefusedException(DocumentLimits.TooManyCells);
        }
    }

    private static List<IReadOnlyList<TableCell>> Layout(Dictionary<(int Row, int Column), string> cells, List<(int Top, int Left, int Bottom, int Right)> merges, int lastRow)
    {
        var width = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Column);
        var grid = new TableCell[lastRow][];
        for (var r = 0; r < lastRow; r++)
        {
            grid[r] = new TableCell[width];
            Array.Fill(grid[r], TableCell.Empty);
        }

        foreach (var ((row, column), text) in cells)
        {
            grid[row - 1][column - 1] = new TableCell(text);
        }

        // Overlapping ranges could repeat the same cells without end: the cells merges fill count against the limit too.
        var filled = 0;
        foreach (var (top, left, bottom, right) in merges)
        {
            filled += (bottom - top + 1) * Math.Max(0, Math.Min(right, width) - left + 1);
            if (filled > DocumentLimits.MaxCells)
            {
                throw new DocumentRefusedException(DocumentLimits.TooManyCells);
            }

            var origin = left <= width ? grid[top - 1][left - 1].Text : string.Empty;
            for (var r = top; r <= bottom; r++)
            {
                for (var c = left; c <= Math.Min(right, width); c++)
                {
                    if (r != top || c != left)
                    {
                        grid[r - 1][c - 1] = new TableCell(origin, Continues: true);
                    }
                }
            }
        }

        return grid.Select(r => (IReadOnlyList<TableCell>)r).ToList();
    }

    private static string CellValue(XmlReader reader, string? type, string? style, List<string> strings, HashSet<int> dateStyles)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var raw = string.Empty;
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "v" })
            {
                raw = reader.ReadElementContentAsString();
            }
            else if (reader is { NodeType: XmlNodeType.Element, LocalName: "is" })
            {
                var empty = reader.IsEmptyElement;
                raw = Text(reader);
                type = "inlineStr";
                if (empty)
                {
                    reader.Read();
                }
            }
            else
            {
                reader.Read();
            }
        }

        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? Clean(strings[i]) : string.Empty,
            "str" or "inlineStr" => Clean(raw),
            "b" => raw == "1" ? "TRUE" : "FALSE",
            "e" => string.Empty,
            _ => Number(raw, style, dateStyles),
        };
    }

    private static string Number(string raw, string? style, HashSet<int> dateStyles)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Clean(raw);
        }

        if (int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && dateStyles.Contains(s) && number is >= 1 and < 2958466)
        {
            return DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The text of an <c>si</c> or <c>is</c> element: its runs' <c>t</c>, without phonetic runs.</summary>
    private static string Text(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "rPh" })
            {
                reader.Skip();
            }
            else if (reader is { NodeType: XmlNodeType.Element, LocalName: "t" })
            {
                text.Append(reader.ReadElementContentAsString());
            }
            else
            {
                reader.Read();
            }
        }

        return text.ToString();
    }

    private static string Clean(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>"AB12" → (12, 28); letters beyond three or a row beyond the limit read as out of range, which the limits refuse.</summary>
    private static (int Row, int Column) Reference(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = i < 4 ? column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1) : int.MaxValue / 2;
        }

        var row = int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
        return (row, column);
    }
}
