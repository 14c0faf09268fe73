using Ledger.Application.Auditing;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Domain.Common;

namespace Ledger.Infrastructure.Spreadsheets;

/// <summary>
/// Writes a <see cref="LedgerSheet"/> as the .xlsx offices mail around: a title row, the header row, one row per item; then,
/// when the sheet carries a round's figures, the 统计 sheet (<see cref="FiguresSheetLayout"/>).
/// </summary>
public static class LedgerWorkbook
{
    public const string SheetName = "整改台账";

    public static Task WriteAsync(LedgerSheet sheet, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var ledger = new Worksheet(
            SheetName,
            LedgerSheetLayout.ExportHeaders.Count,
            [[LedgerSheetLayout.TitleCell(sheet.Title, sheet.AsOf)], LedgerSheetLayout.ExportHeaders, .. sheet.Rows.Select(r => r.ExportCells)]);
        return sheet.Figures is { } figures
            ? Workbook.WriteAsync(stream, [ledger, new Worksheet(FiguresSheetLayout.SheetName, FiguresSheetLayout.Headers.Count, FiguresSheetLayout.Rows(figures))], cancellationToken)
            : Workbook.WriteAsync(stream, ledger.Name, ledger.Columns, ledger.Rows, cancellationToken);
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
