using MiniExcelLibs;

namespace Ledger.Infrastructure.Spreadsheets;

/// <summary>An .xlsx of plain text rows, one sheet or several: the shape every Ledger export takes.</summary>
public static class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task WriteAsync(Stream stream, string sheetName, int columns, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken) =>
        stream.SaveAsAsync(rows.Select(r => Row(r, columns)), printHeader: false, sheetName: sheetName, cancellationToken: cancellationToken);

    /// <summary>Several sheets, in the order given; the first is the one an import reads.</summary>
    public static Task WriteAsync(Stream stream, IReadOnlyList<Worksheet> sheets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var values = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            values.Add(sheet.Name, sheet.Rows.Select(r => Row(r, sheet.Columns)));
        }

        return stream.SaveAsAsync(values, printHeader: false, cancellationToken: cancellationToken);
    }

    private static Dictionary<string, object?> Row(IReadOnlyList<string?> values, int columns) =>
        Enumerable.Range(0, columns).ToDictionary(ColumnName, i => (object?)(i < values.Count ? values[i] : null));

    /// <summary>A, B, … Z, AA, AB: the letters MiniExcel keys a row's cells by.</summary>
    internal static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));
}

/// <summary>One sheet of a <see cref="Workbook"/>: its name, how many columns its rows fill, the rows.</summary>
public sealed record Worksheet(string Name, int Columns, IEnumerable<IReadOnlyList<string?>> Rows);
