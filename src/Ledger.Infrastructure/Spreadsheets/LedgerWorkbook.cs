using Ledger.Application.Items;
using Ledger.Domain.Common;
using MiniExcelLibs;

namespace Ledger.Infrastructure.Spreadsheets;

/// <summary>Writes a <see cref="LedgerSheet"/> as the .xlsx offices mail around: a title row, the header row, one row per item.</summary>
public static class LedgerWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(LedgerSheet sheet, Stream stream, CancellationToken cancellationToken)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            Row([LedgerSheetLayout.TitleCell(sheet.Title, sheet.AsOf)]),
            Row(LedgerSheetLayout.Headers),
        };
        rows.AddRange(sheet.Rows.Select(r => Row(r.Cells)));
        await stream.SaveAsAsync(rows, printHeader: false, sheetName: "整改台账", cancellationToken: cancellationToken);
    }

    public static string FileName(LedgerSheet sheet) => $"整改台账-{ChinaCalendar.Format(DateOnly.FromDateTime(sheet.AsOf.DateTime))}.xlsx";

    private static Dictionary<string, object?> Row(IReadOnlyList<string?> values) =>
        Enumerable.Range(0, LedgerSheetLayout.Headers.Count).ToDictionary(ColumnName, i => (object?)(i < values.Count ? values[i] : null));

    /// <summary>A, B, … Z, AA, AB: the letters MiniExcel keys a row's cells by.</summary>
    internal static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));
}
