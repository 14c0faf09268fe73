using Ledger.Application.Auditing;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Domain.Common;

namespace Ledger.Infrastructure.Spreadsheets;

/// <summary>
/// Writes a <see cref="LedgerSheet"/> as the .xlsx offices mail around: a title row, the header row (frozen, with the
/// filter), one row per item as it is read; then, when the sheet carries a round's figures, the 统计 sheet
/// (<see cref="FiguresSheetLayout"/>).
/// </summary>
public static class LedgerWorkbook
{
    public const string SheetName = "整改台账";

    /// <summary>Widths under <see cref="LedgerSheetLayout.ExportHeaders"/>; the long texts wrap.</summary>
    private static readonly SheetColumn[] Columns =
    [
        new(7), new(16, Wrap: true), new(40, Wrap: true), new(40, Wrap: true), new(10), new(14, Wrap: true), new(10), new(15),
        new(11), new(36, Wrap: true), new(12), new(9), new(6), new(15), new(15), new(9), new(9),
    ];

    public static async Task WriteAsync(LedgerSheet sheet, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var workbook = new SheetWriter(stream);
        await workbook.AddSheetAsync(
            SheetName, Columns, [LedgerSheetLayout.TitleCell(sheet.Title, sheet.AsOf)], LedgerSheetLayout.ExportHeaders, sheet.Rows.Select(r => r.Cells), cancellationToken);
        if (sheet.Figures is { } figures)
        {
            // The 统计 sheet's first rows are its title and the report's sentence, then its header.
            var rows = FiguresSheetLayout.Rows(figures);
            await workbook.AddSheetAsync(
                FiguresSheetLayout.SheetName,
                [new(18, Wrap: true), .. Enumerable.Repeat(new SheetColumn(10, Wrap: true), FiguresSheetLayout.Headers.Count - 1)],
                [rows[0][0]!, rows[1][0]!],
                FiguresSheetLayout.Headers,
                rows.Skip(3).Select(r => (IReadOnlyList<object?>)[.. r]).ToAsyncEnumerable(),
                cancellationToken);
        }
    }

    public static string FileName(LedgerSheet sheet) => $"整改台账-{ChinaCalendar.Format(DateOnly.FromDateTime(sheet.AsOf.DateTime))}.xlsx";
}

/// <summary>The audit trail as supervisors file it: a title row, the header row, one row per record.</summary>
public static class AuditWorkbook
{
    public static Task WriteAsync(AuditSheet sheet, Stream stream, CancellationToken cancellationToken) =>
        Workbook.WriteAsync(stream, "审计记录", sheet.Headers.Count, [[sheet.Title], sheet.Headers, .. sheet.Rows], cancellationToken);

    public static string FileName(DateTimeOffset now) => $"审计记录-{ChinaCalendar.Format(DateOnly.FromDateTime(now.DateTime))}.xlsx";
}
