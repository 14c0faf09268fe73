namespace Ledger.Application.Importing;

/// <summary>
/// An uploaded document as read, before its genre is known: its text line by line (a Word document's paragraphs,
/// table cells included) and its tables cell by cell, so a task list in a Word table or an Excel 台账 keeps its columns.
/// </summary>
/// <param name="Text">The text the prose parser reads; for a sheet, empty.</param>
/// <param name="Tables">A Word document's tables in order, or a workbook's first sheet.</param>
public sealed record ImportDocument(string Text, IReadOnlyList<DocumentTable> Tables, DocumentSource Source)
{
    public static ImportDocument FromText(string text) => new(text, [], DocumentSource.Text);
}

public enum DocumentSource
{
    Text,
    Word,
    Sheet,
}

/// <param name="Number">1-based: 表1, 表2… in a Word document; 1 for a sheet.</param>
/// <param name="Rows">Rows as the user sees them (a sheet's row N is <c>Rows[N - 1]</c>), every row padded to the same width.</param>
/// <param name="FirstLine">For a Word table, the 0-based line of <see cref="ImportDocument.Text"/> its cells' text begins on.</param>
/// <param name="LineCount">How many lines of the text its cells take.</param>
public sealed record DocumentTable(int Number, IReadOnlyList<IReadOnlyList<TableCell>> Rows, int FirstLine = 0, int LineCount = 0);

/// <summary>A cell's text; <paramref name="Continues"/> when it is part of a merged cell begun above or to its left, whose text it repeats.</summary>
public sealed record TableCell(string Text, bool Continues = false)
{
    public static readonly TableCell Empty = new(string.Empty);
}
