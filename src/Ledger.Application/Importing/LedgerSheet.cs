using Ledger.Application.Common.Exceptions;
using Ledger.Application.Items;

namespace Ledger.Application.Importing;

/// <summary>
/// An Excel 台账 as read: its columns found by their headers (in any order, under the names offices use too, extra
/// columns such as 巡察轮次 or 预警 ignored), its data rows numbered as Excel shows them, and the date in its title.
/// </summary>
internal sealed record LedgerSheet(IReadOnlyDictionary<string, int> Columns, IReadOnlyList<(int Number, IReadOnlyList<string> Cells)> Rows, DateTimeOffset? AsOf)
{
    /// <summary>Headers offices use for the same columns in their own sheets.</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["编号"] = LedgerSheetLayout.Number,
        ["存在问题"] = LedgerSheetLayout.Problem,
        ["问题描述"] = LedgerSheetLayout.Problem,
        ["反馈问题"] = LedgerSheetLayout.Problem,
        ["具体问题"] = LedgerSheetLayout.Problem,
        ["措施"] = LedgerSheetLayout.Measures,
        ["牵头领导"] = LedgerSheetLayout.ResponsibleLeader,
        ["分管领导"] = LedgerSheetLayout.ResponsibleLeader,
        ["责任单位"] = LedgerSheetLayout.Departments,
        ["牵头部门"] = LedgerSheetLayout.Departments,
        ["具体责任人"] = LedgerSheetLayout.ResponsiblePerson,
        ["完成时限"] = LedgerSheetLayout.Deadline,
        ["整改期限"] = LedgerSheetLayout.Deadline,
        ["完成情况"] = LedgerSheetLayout.Status,
        ["状态"] = LedgerSheetLayout.Status,
        ["整改进展"] = LedgerSheetLayout.Progress,
        ["整改情况"] = LedgerSheetLayout.Progress,
    };

    private static readonly string[] RequiredHeaders = [LedgerSheetLayout.Number, LedgerSheetLayout.Aspect, LedgerSheetLayout.Problem];

    /// <summary>Finds the header row among the first twenty; a sheet without one, or without a required column, is refused.</summary>
    public static LedgerSheet Find(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        for (var i = 0; i < Math.Min(rows.Count, 20); i++)
        {
            var headers = rows[i].Select(Header).ToList();
            if (!headers.Contains(LedgerSheetLayout.Number) || !headers.Contains(LedgerSheetLayout.Problem))
            {
                continue;
            }

            var missing = RequiredHeaders.Where(h => !headers.Contains(h)).ToList();
            if (missing.Count > 0)
            {
                throw FieldValidation.Error("content", $"表头缺少“{string.Join("”“", missing)}”列，未导入。");
            }

            var columns = new Dictionary<string, int>();
            for (var c = 0; c < headers.Count; c++)
            {
                columns.TryAdd(headers[c], c);
            }

            var asOf = rows.Take(i).SelectMany(r => r).Select(LedgerSheetLayout.ReadAsOf).FirstOrDefault(t => t is not null);
            return new LedgerSheet(columns, rows.Skip(i + 1).Select((cells, k) => (i + 2 + k, cells)).ToList(), asOf);
        }

        throw FieldValidation.Error("content", "没有找到表头行（应有“序号”“方面”“问题”等列），请使用“导出 Excel”得到的台账格式。");
    }

    private static string Header(string cell)
    {
        var header = string.Concat(cell.Where(c => !char.IsWhiteSpace(c)));
        return Aliases.GetValueOrDefault(header, header);
    }

}
