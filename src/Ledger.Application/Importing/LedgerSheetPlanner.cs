using Ledger.Application.Common.Validation;
using Ledger.Application.Items;
using Ledger.Domain.Common;
using Ledger.Domain.Items;

namespace Ledger.Application.Importing;

/// <summary>
/// The ledger-sheet import's decisions, without the database: each data row of a <see cref="LedgerSheet"/> against the
/// round's items as they are now (<see cref="CurrentItem"/>, by 序号) and the names rows may use, planned as a new item,
/// an update of the columns that differ, unchanged, or the errors that keep it out, each by row and column. Only the
/// columns an import reads (<see cref="LedgerSheetLayout.Headers"/>) are compared; any other column is ignored.
/// </summary>
internal sealed class LedgerSheetPlanner(SheetNames names, DateOnly today)
{
    /// <summary>What each data row of the sheet would do, in the sheet's order; blank rows are left out.</summary>
    public IReadOnlyList<RowPlan> Plan(LedgerSheet sheet, IReadOnlyDictionary<string, CurrentItem> current)
    {
        var plans = new List<RowPlan>();
        var seen = new Dictionary<string, int>();
        foreach (var (rowNumber, cells) in sheet.Rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new SheetRow(rowNumber, sheet.Columns, cells);
            var plan = current.TryGetValue(row[LedgerSheetLayout.Number]!, out var item)
                ? PlanUpdate(row, item, sheet.AsOf)
                : PlanCreate(row, current);
            if (seen.TryGetValue(plan.Number, out var first))
            {
                plan.Error(LedgerSheetLayout.Number, $"序号“{plan.Number}”与第{first}行重复。");
            }
            else if (plan.Number.Length > 0)
            {
                seen[plan.Number] = rowNumber;
            }

            plans.Add(plan);
        }

        return plans;
    }

    private RowPlan PlanCreate(SheetRow row, IReadOnlyDictionary<string, CurrentItem> current)
    {
        var number = row[LedgerSheetLayout.Number]!;
        var plan = new RowPlan(row.Number, number, null) { Intended = SheetRowAction.Create };
        if (!LedgerSheetLayout.TryReadNumber(number, out var kind, out var n))
        {
            plan.Error(LedgerSheetLayout.Number, number.Length == 0
                ? "请填写序号。"
                : $"序号“{number}”无法识别：应为正整数，立行立改事项写作“立行立改1”，信访件写作“信访件1”。");
        }
        else if (current.ContainsKey(LedgerSheetLayout.NumberCell(kind, n)))
        {
            plan.Error(LedgerSheetLayout.Number, $"序号“{number}”与台账中的序号“{LedgerSheetLayout.NumberCell(kind, n)}”是同一事项，请按台账的写法填写。");
        }

        plan.Kind = kind;
        plan.ItemNumber = n;
        foreach (var column in LedgerSheetLayout.Headers.Skip(1))
        {
            if (row[column] is { Length: > 0 } cell)
            {
                ReadCell(plan, column, cell, null);
            }
        }

        if (plan.AspectId is null && plan.Errors.All(e => e.Column != LedgerSheetLayout.Aspect))
        {
            plan.Error(LedgerSheetLayout.Aspect, "请填写问题所属的方面。");
        }

        if (plan.Problem is null)
        {
            plan.Error(LedgerSheetLayout.Problem, "请填写问题。");
        }

        plan.Changed.AddRange(LedgerSheetLayout.Headers.Where(h => row[h] is { Length: > 0 }));
        plan.Check(ItemStatus.NotStarted);
        return plan;
    }

    private RowPlan PlanUpdate(SheetRow row, CurrentItem current, DateTimeOffset? asOf)
    {
        var plan = new RowPlan(row.Number, current[LedgerSheetLayout.Number], current);
        LedgerSheetLayout.TryReadStatus(current[LedgerSheetLayout.Status], out var status);
        foreach (var column in LedgerSheetLayout.Headers.Skip(1))
        {
            if (row[column] is { } cell && !Same(column, cell, current[column]))
            {
                plan.Changed.Add(column);
                ReadCell(plan, column, cell, current);
            }
        }

        plan.Intended = plan.Changed.Count == 0 ? SheetRowAction.Unchanged : SheetRowAction.Update;
        if (plan.Changed.Count > 0 && asOf is { } exported && current.UpdatedAt > exported.UtcDateTime.AddMinutes(1))
        {
            plan.Error(LedgerSheetLayout.Number, $"该事项在本表导出（{ChinaCalendar.Format(exported)}）之后已有改动，为免覆盖，请重新导出台账后再修改。");
        }

        plan.Check(status);
        return plan;
    }

    private static bool Same(string column, string cell, string current) => column == LedgerSheetLayout.Measures
        ? LedgerSheetLayout.ReadMeasures(cell).SequenceEqual(LedgerSheetLayout.ReadMeasures(current))
        : Normalize(cell) == Normalize(current);

    internal static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Reads one cell that differs from what is stored (or any cell of a new row) into the plan, or records why it cannot.</summary>
    private void ReadCell(RowPlan plan, string column, string cell, CurrentItem? current)
    {
        switch (column)
        {
            case LedgerSheetLayout.Aspect:
                if (names.Aspects.TryGetValue(cell, out var aspectId))
                {
                    plan.AspectId = aspectId;
                }
                else
                {
                    plan.Error(column, $"方面“{cell}”不是本轮巡察的方面（{string.Join("、", names.Aspects.Keys)}），请先在轮次中增加。");
                }

                break;
            case LedgerSheetLayout.Problem:
                plan.Problem = cell.Length > CommonRules.LongText
                    ? plan.Error<string>(column, $"问题不能超过 {CommonRules.LongText} 字。")
                    : cell;
                break;
            case LedgerSheetLayout.Measures:
                var lines = LedgerSheetLayout.ReadMeasures(cell);
                var kept = current is null ? [] : LedgerSheetLayout.ReadMeasures(current[LedgerSheetLayout.Measures]);
                if (lines.Count < kept.Count || !lines.Take(kept.Count).SequenceEqual(kept))
                {
                    plan.Error(column, "已有的整改措施不能在表格中修改或删除（历史须留痕），只能在末尾另起一行新增。");
                }
                else if (lines.Skip(kept.Count).FirstOrDefault(l => l.Length > CommonRules.LongText) is not null)
                {
                    plan.Error(column, $"每条整改措施不能超过 {CommonRules.LongText} 字。");
                }
                else
                {
                    plan.NewMeasures = lines.Skip(kept.Count).ToList();
                }

                break;
            case LedgerSheetLayout.ResponsibleLeader:
                plan.Leader = new(Person(plan, column, cell));
                break;
            case LedgerSheetLayout.ResponsiblePerson:
                plan.Person = new(Person(plan, column, cell));
                break;
            case LedgerSheetLayout.Departments:
                var departments = LedgerSheetLayout.ReadNames(cell).Distinct().Select(name => Department(plan, column, name)).ToList();
                plan.Departments = new(departments.Count == 0 ? null : departments[0], departments.Skip(1).OfType<Assignee>().ToList());
                break;
            case LedgerSheetLayout.Deadline:
                if (LedgerSheetLayout.TryReadDeadline(cell, out var deadline))
                {
                    plan.Deadline = deadline;
                }
                else
                {
                    plan.Error(column, $"整改时限“{cell}”无法识别：应为日期（如 2025年3月31日 或 2025-03-31）或“长期坚持”。");
                }

                break;
            case LedgerSheetLayout.Status:
                if (LedgerSheetLayout.TryReadStatus(cell, out var status))
                {
                    plan.TargetStatus = status;
                }
                else
                {
                    plan.Error(column, $"整改状态“{cell}”无法识别，应为：{LedgerSheetLayout.StatusNames}。");
                }

                break;
            case LedgerSheetLayout.Progress:
                var (date, text) = LedgerSheetLayout.ReadProgress(cell, today);
                if (text.Length == 0)
                {
                    plan.Error(column, "已报送的进展情况不能删除，可填写新的进展情况。");
                }
                else if (text.Length > CommonRules.LongText)
                {
                    plan.Error(column, $"进展情况不能超过 {CommonRules.LongText} 字。");
                }
                else
                {
                    plan.Progress = (date, text);
                }

                break;
        }
    }

    private Assignee? Person(RowPlan plan, string column, string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var matches = names.People.Where(p => p.Assignee.Name == name && p.IsActive).Select(p => p.Assignee).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => plan.Error<Assignee>(column, $"人员“{name}”不在人员名单中（或已停用），请先在人员管理中添加。"),
            _ => plan.Error<Assignee>(column, $"人员名单中有 {matches.Count} 位“{name}”，请在台账中指定。"),
        };
    }

    private Assignee? Department(RowPlan plan, string column, string name) =>
        names.Departments.FirstOrDefault(d => d.Assignee.Name == name && d.IsActive)?.Assignee
        ?? plan.Error<Assignee>(column, $"部门“{name}”不在部门名单中（或已停用），请先在部门管理中添加。");
}

/// <summary>An item of the round as stored now: its id, when it last changed, and its cells by header as the export writes them.</summary>
internal sealed record CurrentItem(Guid Id, DateTime UpdatedAt, IReadOnlyDictionary<string, string?> Cells)
{
    public string this[string header] => Cells.GetValueOrDefault(header) ?? string.Empty;
}

internal sealed record Named(Assignee Assignee, bool IsActive);

/// <summary>Names a row may use (active records only) and the names of what an item already has (any record).</summary>
internal sealed record SheetNames(Dictionary<string, Guid> Aspects, List<Named> Departments, List<Named> People)
{
    public Assignee? Department(Guid? id) => Departments.Find(d => d.Assignee.Id == id)?.Assignee;

    public Assignee? Person(Guid? id) => People.Find(p => p.Assignee.Id == id)?.Assignee;
}

/// <summary>A data row's cells by header; null for a column the sheet does not have.</summary>
internal sealed class SheetRow(int number, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> cells)
{
    public int Number => number;

    public string? this[string header] =>
        columns.TryGetValue(header, out var c) ? (c < cells.Count ? LedgerSheetPlanner.Normalize(cells[c]) : string.Empty) : null;
}

/// <summary>One row's intended change; a null part is left as it is.</summary>
internal sealed class RowPlan(int row, string number, CurrentItem? current)
{
    public int Row => row;

    public string Number => number;

    public CurrentItem? Current => current;

    public SheetRowAction Action => Errors.Count > 0 ? SheetRowAction.Invalid : Intended;

    /// <summary>What the row does once it is valid.</summary>
    public SheetRowAction Intended { get; set; }

    public List<string> Changed { get; } = [];

    public List<SheetCellError> Errors { get; } = [];

    public ItemKind Kind { get; set; }

    public int ItemNumber { get; set; }

    public Guid? AspectId { get; set; }

    public string? Problem { get; set; }

    public IReadOnlyList<string> NewMeasures { get; set; } = [];

    public Part<Assignee?>? Leader { get; set; }

    public (Assignee? Lead, List<Assignee> Co)? Departments { get; set; }

    public Part<Assignee?>? Person { get; set; }

    public Deadline? Deadline { get; set; }

    public ItemStatus? TargetStatus { get; set; }

    public (DateOnly Date, string Text)? Progress { get; set; }

    /// <summary>Records an error against a column, which makes the row invalid; returns null so a failed lookup reads as one expression.</summary>
    public T? Error<T>(string column, string message)
        where T : class
    {
        Errors.Add(new SheetCellError(row, column, message));
        return null;
    }

    public void Error(string column, string message) => Error<object>(column, message);

    /// <summary>The lifecycle's say on the whole row: the status must be reachable, and work can change only while it is open.</summary>
    public void Check(ItemStatus from)
    {
        if (TargetStatus is { } to && StatusWalk.Refusal(from, to) is { } refusal)
        {
            Error(LedgerSheetLayout.Status, refusal);
        }

        var work = Changed.Where(c => c is not LedgerSheetLayout.Number and not LedgerSheetLayout.Status and not LedgerSheetLayout.Progress).ToList();
        if (work.Count > 0 && !ItemLifecycle.IsAllowed(ItemAction.ChangeWork, from))
        {
            Error(work[0], $"事项“{from.ToChinese()}”，不能再修改{string.Join("、", work)}。");
        }

        if (Progress is not null && !ItemLifecycle.IsAllowed(ItemAction.ReportProgress, TargetStatus ?? from))
        {
            Error(LedgerSheetLayout.Progress, $"事项“{(TargetStatus ?? from).ToChinese()}”，不能再报送进展情况。");
        }
    }
}

/// <summary>A value the row sets, which may itself be null (a cleared cell).</summary>
internal sealed record Part<T>(T Value);
