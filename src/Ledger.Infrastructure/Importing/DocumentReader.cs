using System.Text;
using System.Xml;
using Ledger.Application.Importing;

namespace Ledger.Infrastructure.Importing;

/// <summary>
/// An uploaded document as text and tables: a .docx streamed paragraph by paragraph with its tables cell by cell
/// (merged cells carried), an .xlsx's first sheet, anything else as text — UTF-8 (with or without BOM, or UTF-16
/// with BOM), falling back to GB18030, which Chinese offices still save. Every part is read within <see cref="DocumentLimits"/>.
/// </summary>
public sealed class DocumentReader : IDocumentReader
{
    private const string NotWord = "文件不是有效的 Word (.docx) 文档。";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ImportDocument Read(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            || (LooksLikeZip(content) && !fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) && IsWorkbook(content)))
        {
            return new ImportDocument(string.Empty, [SpreadsheetReader.ReadSheet(content, cancellationToken)], DocumentSource.Sheet);
        }

        if (fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || LooksLikeZip(content))
        {
            return ReadDocx(content, cancellationToken);
        }

        return ImportDocument.FromText(Decode(content));
    }

    private static string Decode(byte[] content)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            return (content[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(content).TrimStart('\uFEFF');
        }

        try
        {
            return StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static bool LooksLikeZip(byte[] content) => content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static bool IsWorkbook(byte[] content)
    {
        using var zip = OpenXmlParts.Open(content, NotWord);
        return zip.GetEntry("xl/workbook.xml") is not null;
    }

    /// <exception cref="DocumentRefusedException">Not a readable Word document, or beyond a limit.</exception>
    private static ImportDocument ReadDocx(byte[] content, CancellationToken cancellationToken)
    {
        using var zip = OpenXmlParts.Open(content, NotWord);
        return OpenXmlParts.Guard(
            () =>
            {
                var numbering = WordNumbering.Read(zip);
                using var reader = OpenXmlParts.Read(zip, "word/document.xml") ?? throw new DocumentRefusedException(NotWord);
                return new WordBody(reader, numbering, cancellationToken).Read();
            },
            NotWord);
    }

    /// <summary>
    /// One pass over word/document.xml. Paragraphs become lines (a line break in one too); a table's rows become
    /// cells, a cell's paragraphs its lines, and also lines of the text, so prose that happens to sit in a table
    /// is still read. A nested table's text belongs to the cell holding it.
    /// </summary>
    private sealed class WordBody(XmlReader reader, WordNumbering numbering, CancellationToken cancellationToken)
    {
        private readonly StringBuilder _text = new();
        private readonly List<DocumentTable> _tables = [];
        private readonly StringBuilder _paragraph = new();
        private int _lines;
        private int _cells;

        public ImportDocument Read()
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "p":
                        AddLine(Paragraph());
                        break;
                    case "tbl":
                        Table();
                        break;
                }
            }

            return new ImportDocument(_text.ToString(), _tables, DocumentSource.Word);
        }

        private void AddLine(string line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line.Length > DocumentLimits.MaxLineCharacters)
            {
                throw new DocumentRefusedException(DocumentLimits.LineTooLong(_lines + 1, line.Length));
            }

            _text.Append(_lines++ == 0 ? string.Empty : "\n").Append(line);
            if (_text.Length > DocumentLimits.MaxCharacters)
            {
                throw new DocumentRefusedException(DocumentLimits.TooManyCharacters);
            }
        }

        /// <summary>The current &lt;w:p&gt;'s text; nested paragraphs (text boxes) run into it.</summary>
        private string Paragraph()
        {
            _paragraph.Clear();
            if (reader.IsEmptyElement)
            {
                return string.Empty;
            }

            var depth = reader.Depth;
            string? numId = null;
            var level = 0;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "numId" when numId is null && _paragraph.Length == 0:
                            numId = OpenXmlParts.Attribute(reader, "val");
                            break;
                        case "ilvl" when _paragraph.Length == 0:
                            level = int.TryParse(OpenXmlParts.Attribute(reader, "val"), out var l) ? l : 0;
                            break;
                        case "t":
                            _paragraph.Append(reader.ReadElementContentAsString());
                            if (_paragraph.Length > DocumentLimits.MaxLineCharacters)
                            {
                                throw new DocumentRefusedException(DocumentLimits.LineTooLong(_lines + 1, _paragraph.Length));
                            }

                            continue;
                        case "tab":
                            _paragraph.Append('\t');
                            break;
                        case "br" or "cr":
                            _paragraph.Append('\n');
                            break;
                        case "delText" or "instrText":
                            reader.Skip();
                            continue;
                    }
                }

                reader.Read();
            }

            // numId 0 means "not numbered"; any other list has the label Word would show in front of the text.
            return numId is null or "0" ? _paragraph.ToString() : numbering.Next(numId, level) + _paragraph;
        }

        private void Table()
        {
            var rows = new List<List<(string Text, int Span, bool ContinuesAbove)>>();
            var firstLine = _lines;
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "tr" })
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (rows.Count >= DocumentLimits.MaxRows)
                    {
                        throw new DocumentRefusedException(DocumentLimits.TooManyRows(rows.Count + 1));
                    }

                    rows.Add([]);
                }
                else if (reader is { NodeType: XmlNodeType.Element, LocalName: "tc" } && rows.Count > 0)
                {
                    rows[^1].Add(Cell());
                    continue;
                }

                reader.Read();
            }

            _tables.Add(new DocumentTable(_tables.Count + 1, Grid(rows), firstLine, _lines - firstLine));
        }

        private (string Text, int Span, bool ContinuesAbove) Cell()
        {
            if (++_cells > DocumentLimits.MaxCells)
            {
                throw new DocumentRefusedException(DocumentLimits.TooManyCells);
            }

            var span = 1;
            var continues = false;
            var lines = new List<string>();
            var depth = reader.Depth;
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return (string.Empty, 1, false);
            }

            reader.Read();
            while (reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "gridSpan" when reader.Depth == depth + 2 && int.TryParse(OpenXmlParts.Attribute(reader, "val"), out var n):
                            span = Math.Clamp(n, 1, DocumentLimits.MaxColumns);
                            break;
                        case "vMerge" when reader.Depth == depth + 2:
                            continues = OpenXmlParts.Attribute(reader, "val") is null or "continue";
                            break;
                        case "p":
                            var line = Paragraph();
                            lines.Add(line);
                            if (!continues)
                            {
                                AddLine(line);
                            }

                            break;
                    }
                }

                reader.Read();
            }

            reader.Read();
            return (string.Join('\n', lines).Trim(), span, continues);
        }

        /// <summary>Rows as a grid: a cell spanning columns fills them, a vertically merged cell repeats the text above it.</summary>
        private static List<IReadOnlyList<TableCell>> Grid(List<List<(string Text, int Span, bool ContinuesAbove)>> rows)
        {
            var grid = new List<List<TableCell>>();
            foreach (var row in rows)
            {
                var cells = new List<TableCell>();
                foreach (var (text, span, continuesAbove) in row)
                {
                    var above = grid.Count > 0 && cells.Count < grid[^1].Count ? grid[^1][cells.Count] : null;
                    var cell = continuesAbove && above is not null ? above with { Continues = true } : new TableCell(text);
                    for (var s = 0; s < span && cells.Count < DocumentLimits.MaxColumns; s++)
                    {
                        cells.Add(s == 0 ? cell : cell with { Continues = true });
                    }
                }

                grid.Add(cells);
            }

            var width = grid.Count == 0 ? 0 : grid.Max(r => r.Count);
            foreach (var row in grid)
            {
                row.AddRange(Enumerable.Repeat(TableCell.Empty, width - row.Count));
            }

            return grid.Select(r => (IReadOnlyList<TableCell>)r).ToList();
        }
    }
}
