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

/// <summary>Reads the sheet, plans it row by row (<see cref="LedgerSheetPlanner"/>) against the round as stored, and applies a valid plan.</summary>
internal sealed class ImportLedgerSheetCommandHandler(ILedgerDbContext db, ISpreadsheetReader reader, RequestContext context)
    : IRequestHandler<ImportLedgerSheetCommand, SheetImportResult>
{
    private const string Source = "导入的台账";

    public async Task<SheetImportResult> Handle(ImportLedgerSheetCommand request, CancellationToken cancellationToken)
    {
        var aspects = await db.Rounds.AsNoTracking().Where(r => r.Id == request.RoundId)
            .SelectMany(r => r.Aspects).Select(a => new { a.Title, a.Id }).ToListAsync(cancellationToken);
        if (aspects.Count == 0 && !await db.Rounds.AnyAsync(r => r.Id == request.RoundId, cancellationToken))
        {
            throw new NotFoundException("巡察轮次");
        }

        var sheet = LedgerSheet.Find(Read(request, cancellationToken));
        var current = (await LedgerSheetRows.ReadAsync(
                db, db.Items.AsNoTracking().Where(i => i.RoundId == request.RoundId).OrderBy(i => i.Kind).ThenBy(i => i.Number), cancellationToken))
            .ToDictionary(
                r => r.Row.Number,
                r => new CurrentItem(r.Id, r.UpdatedAt, LedgerSheetLayout.Headers.Zip(r.Row.Cells).ToDictionary(c => c.First, c => c.Second)));
        var names = new SheetNames(
            aspects.GroupBy(a => a.Title).ToDictionary(g => g.Key, g => g.First().Id),
            await db.Departments.AsNoTracking().Select(d => new Named(new Assignee(d.Id, d.Name), d.IsActive)).ToListAsync(cancellationToken),
            await db.People.AsNoTracking().Select(p => new Named(new Assignee(p.Id, p.Name), p.IsActive)).ToListAsync(cancellationToken));

        var plans = new LedgerSheetPlanner(names, context.Today).Plan(sheet, current);
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
            plans.Select(p => new SheetRowResult(p.Row, p.Number, p.Action, p.Changed)).ToList(),
            errors);
    }

    private IReadOnlyList<IReadOnlyList<string>> Read(ImportLedgerSheetCommand request, CancellationToken cancellationToken)
    {
        try
        {
            return reader.ReadRows(request.Content, cancellationToken);
        }
        catch (DocumentRefusedException e)
        {
            throw FieldValidation.Error("content", e.Message);
        }
    }

    private async Task ApplyAsync(Guid roundId, List<RowPlan> plans, SheetNames names, CancellationToken cancellationToken)
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

    private void Update(RectificationItem item, RowPlan plan, SheetNames names, ChangeStamp stamp)
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
}
