using MiniExcelLibs;

namespace Ledger.Infrastructure.Spreadsheets;

/// <summary>A one-sheet .xlsx of plain text rows: the shape every Ledger export takes.</summary>
public static class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task WriteAsync(Stream stream, string sheetName, int columns, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken) =>
        stream.SaveAsAsync(rows.Select(r => Row(r, columns)), printHeader: false, sheetName: sheetName, cancellationToken: cancellationToken);

    private static Dictionary<string, object?> Row(IReadOnlyList<string?> values, int columns) =>
        Enumerable.Range(0, columns).ToDictionary(ColumnName, i => (object?)(i < values.Count ? values[i] : null));

    /// <summary>A, B, … Z, AA, AB: the letters MiniExcel keys a row's cells by.</summary>
    internal static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));
}
