using Ledger.Application.Items;
using MiniExcelLibs;

namespace Ledger.Infrastructure.Spreadsheets;

/// <summary>Writes a <see cref="LedgerSheet"/> as the .xlsx offices mail around: a title row, the header row, one row per item.</summary>
public static class LedgerWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers = ["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改状态", "进展情况"];

    private static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];

    public static async Task WriteAsync(LedgerSheet sheet, Stream stream, CancellationToken cancellationToken)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            Row([$"{sheet.Title}（截至{Domain.Common.ChinaCalendar.Format(sheet.AsOf)}）"]),
            Row([.. Headers]),
        };
        rows.AddRange(sheet.Rows.Select(r => Row([
            r.Number, r.Aspect, r.Problem, r.Measures, r.ResponsibleLeader, r.Departments, r.ResponsiblePerson, r.Deadline, r.Status, r.Progress,
        ])));
        await stream.SaveAsAsync(rows, printHeader: false, sheetName: "整改台账", cancellationToken: cancellationToken);
    }

    public static string FileName(LedgerSheet sheet) => $"整改台账-{Domain.Common.ChinaCalendar.Format(sheet.AsOf)}.xlsx";

    private static Dictionary<string, object?> Row(object?[] values) =>
        Columns.Select((column, i) => (column, value: i < values.Length ? values[i] : null)).ToDictionary(c => c.column, c => c.value);
}
