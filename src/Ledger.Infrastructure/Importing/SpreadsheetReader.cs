using System.Globalization;
using Ledger.Application.Importing;
using MiniExcelLibs;

namespace Ledger.Infrastructure.Importing;

public sealed class SpreadsheetReader : ISpreadsheetReader
{
    public IReadOnlyList<IReadOnlyList<string>> ReadRows(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select(row => (IReadOnlyList<string>)row.Values.Select(Text).ToList())
                .ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // MiniExcel reports a broken workbook with whatever the zip or XML reader threw.
            throw new InvalidDataException("无法读取该 Excel 文件，请上传 .xlsx 格式的台账（可用“导出 Excel”得到的表格填写）。", e);
        }
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? string.Empty,
    };
}
