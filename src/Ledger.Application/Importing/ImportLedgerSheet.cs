using FluentValidation;
using FluentValidation.Results;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Items;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Importing;

/// <summary>
/// Reads an Excel 台账 in the export's layout back into a round: a row whose 序号 the round has updates that item
/// where its cells differ, any other row creates an item. Rows are checked cell by cell first; nothing is written
/// unless every row is valid, or <see cref="SkipInvalidRows"/> accepts writing only the valid ones.
/// </summary>
[Allowed(Roles.Office)]
public sealed record ImportLedgerSheetCommand(Guid RoundId, string FileName, byte[] Content, bool DryRun = false, bool SkipInvalidRows = false)
    : ICommand<SheetImportResult>;

/// <summary>What an import did or, for a dry run or a refused sheet, would do; row numbers are those Excel shows.</summary>
public sealed record SheetImportResult(
    bool Committed,
    int Created,
    int Updated,
    int Unchanged,
    int Skipped,
    IReadOnlyList<SheetRowResult> Rows,
    IReadOnlyList<SheetCellError> Errors);

public sealed record SheetRowResult(int Row, string Number, SheetRowAction Action, IReadOnlyList<string> ChangedColumns);

public enum SheetRowAction
{
    Unchanged,
    Create,
    Update,
    Invalid,
}

/// <param name="Column">The column's header, e.g. 责任部门.</param>
public sealed record SheetCellError(int Row, string Column, string Message);

internal sealed class ImportLedgerSheetCommandValidator : AbstractValidator<ImportLedgerSheetCommand>
{
    public ImportLedgerSheetCommandValidator()
    {
        RuleFor(x => x.RoundId).RequiredId();
        RuleFor(x => x.FileName).RequiredText(255);
        RuleFor(x => x.Content).NotEmpty().WithMessage("文件是空的。")
            .Must(c => c.Length <= ImportReportCommand.MaxBytes).WithMessage(ImportReportCommand.TooLarge);
    }
}

internal sealed class ImportLedgerSheetCommandHandler(ILedgerDbContext db, ISpreadsheetReader reader, RequestContext context)
    : IRequestHandler<ImportLedgerSheetCommand, SheetImportResult>
{
    private const string Source = "导入的台账";

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

    public async Task<SheetImportResult> Handle(ImportLedgerSheetCommand request, CancellationToken cancellationToken)
    {
        var aspects = await db.Rounds.AsNoTracking().Where(r => r.Id == request.RoundId)
            .SelectMany(r => r.Aspects).Select(a => new { a.Title, a.Id }).ToListAsync(cancellationToken);
        if (aspects.Count == 0 && !await db.Rounds.AnyAsync(r => r.Id == request.RoundId, cancellationToken))
        {
            throw new NotFoundException("巡察轮次");
        }

        var sheet = Read(request, cancellationToken);
        var stored = (await LedgerSheetRows.ReadAsync(
                db, db.Items.AsNoTracking().Where(i => i.RoundId == request.RoundId).OrderBy(i => i.Kind).ThenBy(i => i.Number), cancellationToken))
            .ToDictionary(r => r.Row.Number);
        var names = new Names(
            aspects.GroupBy(a => a.Title).ToDictionary(g => g.Key, g => g.First().Id),
            await db.Departments.AsNoTracking().Select(d => new Named(new Assignee(d.Id, d.Name), d.IsActive)).ToListAsync(cancellationToken),
            await db.People.AsNoTracking().Select(p => new Named(new Assignee(p.Id, p.Name), p.IsActive)).ToListAsync(cancellationToken));

        var plans = Plan(sheet, stored, names);
        var errors = plans.SelectMany(p => p.Errors).ToList();
        var commit = !request.DryRun && (errors.Count == 0 || request.SkipInvalidRows);
        if (!request.DryRun && !commit)
        {
            throw new ValidationException(
                $"台账有 {errors.Count} 处错误，未导入",
                errors.Select(e => new ValidationFailure($"第{e.Row}行·{e.Column}", e.Message)));
        }

        if (commit)
        {
            await ApplyAsync(request.RoundId, plans.Where(p => p.Errors.Count == 0 && p.Action != SheetRowAction.Unchanged).ToList(), names, cancellationToken);
        }

        return new SheetImportResult(
            commit,
            plans.Count(p => p.Action == SheetRowAction.Create),
            plans.Count(p => p.Action == SheetRowAction.Update),
            plans.Count(p => p.Action == SheetRowAction.Unchanged),
            plans.Count(p => p.Action == SheetRowAction.Invalid),
            plans.ConvertAll(p => new SheetRowResult(p.Row, p.Number, p.Action, p.Changed)),
            errors);
    }

    private SheetRows Read(ImportLedgerSheetCommand request, CancellationToken cancellationToken)
    {
        IReadOnlyList<IReadOnlyList<string>> rows;
        try
        {
            rows = reader.ReadRows(request.Content, cancellationToken);
        }
        catch (DocumentRefusedException e)
        {
            throw FieldValidation.Error("content", e.Message);
        }

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
            return new SheetRows(columns, rows.Skip(i + 1).Select((cells, k) => (i + 2 + k, cells)).ToList(), asOf);
        }

        throw FieldValidation.Error("content", "没有找到表头行（应有“序号”“方面”“问题”等列），请使用“导出 Excel”得到的台账格式。");
    }

    private static string Header(string cell)
    {
        var header = string.Concat(cell.Where(c => !char.IsWhiteSpace(c)));
        return Aliases.GetValueOrDefault(header, header);
    }

    private List<RowPlan> Plan(SheetRows sheet, Dictionary<string, StoredRow> stored, Names names)
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
            var plan = stored.TryGetValue(row[LedgerSheetLayout.Number]!, out var current)
                ? PlanUpdate(row, current, names, sheet.AsOf)
                : PlanCreate(row, stored, names);
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

    private RowPlan PlanCreate(SheetRow row, Dictionary<string, StoredRow> stored, Names names)
    {
        var number = row[LedgerSheetLayout.Number]!;
        var plan = new RowPlan(row.Number, number, null) { Intended = SheetRowAction.Create };
        if (!LedgerSheetLayout.TryReadNumber(number, out var kind, out var n))
        {
            plan.Error(LedgerSheetLayout.Number, number.Length == 0
                ? "请填写序号。"
                : $"序号“{number}”无法识别：应为正整数，立行立改事项写作“立行立改1”，信访件写作“信访件1”。");
        }
        else if (stored.ContainsKey(LedgerSheetLayout.NumberCell(kind, n)))
        {
            plan.Error(LedgerSheetLayout.Number, $"序号“{number}”与台账中的序号“{LedgerSheetLayout.NumberCell(kind, n)}”是同一事项，请按台账的写法填写。");
        }

        plan.Kind = kind;
        plan.ItemNumber = n;
        foreach (var column in LedgerSheetLayout.Headers.Skip(1))
        {
            if (row[column] is { Length: > 0 } cell)
            {
                ReadCell(plan, column, cell, null, names);
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

    private RowPlan PlanUpdate(SheetRow row, StoredRow current, Names names, DateTimeOffset? asOf)
    {
        var plan = new RowPlan(row.Number, current.Row.Number, current);
        LedgerSheetLayout.TryReadStatus(current.Row.Status, out var status);
        var cells = current.Row.Cells;
        for (var c = 1; c < LedgerSheetLayout.Headers.Count; c++)
        {
            var column = LedgerSheetLayout.Headers[c];
            if (row[column] is { } cell && !Same(column, cell, cells[c] ?? string.Empty))
            {
                plan.Changed.Add(column);
                ReadCell(plan, column, cell, current, names);
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

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Reads one cell that differs from what is stored (or any cell of a new row) into the plan, or records why it cannot.</summary>
    private void ReadCell(RowPlan plan, string column, string cell, StoredRow? current, Names names)
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
                var kept = current is null ? [] : LedgerSheetLayout.ReadMeasures(current.Row.Measures);
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
                plan.Leader = new(Person(plan, column, cell, names));
                break;
            case LedgerSheetLayout.ResponsiblePerson:
                plan.Person = new(Person(plan, column, cell, names));
                break;
            case LedgerSheetLayout.Departments:
                var departments = LedgerSheetLayout.ReadNames(cell).Distinct().Select(name => Department(plan, column, name, names)).ToList();
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
                var (date, text) = LedgerSheetLayout.ReadProgress(cell, context.Today);
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

    private static Assignee? Person(RowPlan plan, string column, string name, Names names)
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

    private static Assignee? Department(RowPlan plan, string column, string name, Names names) =>
        names.Departments.FirstOrDefault(d => d.Assignee.Name == name && d.IsActive)?.Assignee
        ?? plan.Error<Assignee>(column, $"部门“{name}”不在部门名单中（或已停用），请先在部门管理中添加。");

    private async Task ApplyAsync(Guid roundId, List<RowPlan> plans, Names names, CancellationToken cancellationToken)
    {
        var ids = plans.Where(p => p.Current is not null).Select(p => p.Current!.Id).ToList();
        var items = await db.Items.ForUpdate().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var stamp = context.Stamp();
        foreach (var plan in plans)
        {
            if (plan.Current is { } current)
            {
                Update(items[current.Id], plan, names, stamp);
            }
            else
            {
                var (title, description) = LedgerSheetLayout.ReadProblem(plan.Problem!, null);
                var item = RectificationItem.Create(roundId, plan.AspectId!.Value, plan.Kind, plan.ItemNumber, title, description, stamp);
                Update(item, plan, names, stamp);
                db.Items.Add(item);
            }
        }
    }

    private void Update(RectificationItem item, RowPlan plan, Names names, ChangeStamp stamp)
    {
        if (plan.AspectId is not null || plan.Problem is not null)
        {
            var (title, description) = plan.Problem is { } problem ? LedgerSheetLayout.ReadProblem(problem, item.Title) : (item.Title, item.Description);
            if (plan.AspectId != item.AspectId || title != item.Title || description != item.Description)
            {
                item.Edit(plan.AspectId ?? item.AspectId, title, description, stamp);
            }
        }

        if (plan.Leader is not null || plan.Departments is not null || plan.Person is not null || plan.Deadline is not null)
        {
            var lead = plan.Departments is { } d ? d.Lead : names.Department(item.LeadDepartmentId);
            var co = plan.Departments?.Co ?? item.CoDepartments.Select(c => names.Department(c.DepartmentId)!).ToList();
            item.Assign(
                new Assignment(
                    plan.Leader is { } l ? l.Value : names.Person(item.ResponsibleLeaderId),
                    lead,
                    co,
                    plan.Person is { } p ? p.Value : names.Person(item.ResponsiblePersonId)),
                plan.Deadline ?? item.Deadline,
                $"按{Source}调整",
                stamp);
        }

        foreach (var measure in plan.NewMeasures)
        {
            item.AddMeasure(measure, null, null, stamp);
        }

        if (plan.TargetStatus is { } status)
        {
            StatusWalk.Walk(item, status, context.Today, Source, stamp);
        }

        if (plan.Progress is var (date, text))
        {
            item.ReportProgress(date, text, null, null, stamp);
        }
    }

    private sealed record SheetRows(Dictionary<string, int> Columns, List<(int Number, IReadOnlyList<string> Cells)> Rows, DateTimeOffset? AsOf);

    private sealed record Named(Assignee Assignee, bool IsActive);

    /// <summary>Names a row may use (active records only) and the names of what an item already has (any record).</summary>
    private sealed record Names(Dictionary<string, Guid> Aspects, List<Named> Departments, List<Named> People)
    {
        public Assignee? Department(Guid? id) => Departments.Find(d => d.Assignee.Id == id)?.Assignee;

        public Assignee? Person(Guid? id) => People.Find(p => p.Assignee.Id == id)?.Assignee;
    }

    /// <summary>A data row's cells by header; null for a column the sheet does not have.</summary>
    private sealed class SheetRow(int number, Dictionary<string, int> columns, IReadOnlyList<string> cells)
    {
        public int Number => number;

        public string? this[string header] =>
            columns.TryGetValue(header, out var c) ? (c < cells.Count ? Normalize(cells[c]) : string.Empty) : null;
    }

    /// <summary>One row's intended change; a null part is left as it is.</summary>
    private sealed class RowPlan(int row, string number, StoredRow? current)
    {
        public int Row => row;

        public string Number => number;

        public StoredRow? Current => current;

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
    private sealed record Part<T>(T Value);
}
