using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Reports;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>
/// 整改台账 for a spreadsheet: every item matching the list's filters, in its order, in the columns of
/// <see cref="LedgerSheetLayout"/> and then what the ledger counts. The rows are read in chunks as the writer asks for
/// them, so a sheet of any length is written without holding it in memory, and none is left out.
/// </summary>
[Allowed(Roles.Anyone)]
public sealed record ExportLedgerQuery(ListItemsQuery Filter) : IQuery<LedgerSheet>;

/// <param name="AsOf">When the sheet was read, in China's time: an import of the sheet refuses to overwrite later changes.</param>
/// <param name="Figures">
/// The round's figures on that date, for the workbook's 统计 sheet: when one round is exported by a user who may read its
/// figures; computed by <see cref="RoundFigures"/>, as the report's are.
/// </param>
public sealed record LedgerSheet(string Title, DateTimeOffset AsOf, IAsyncEnumerable<LedgerExportRow> Rows, RoundFigures? Figures = null);

/// <summary>
/// One item as the export writes it: the cells an import reads back (<see cref="Row"/>), then 巡察轮次 (the round's 简称),
/// 剩余/超期工作日 (negative: overdue), 预警 as the ledger's light shows it, 销号日期, 原定时限 and 调整次数 once the deadline has
/// moved (延期 or 调整, as the item counts them), and 催办次数.
/// Numbers are numbers and 销号日期 a date, so a spreadsheet sorts and filters them as such; 整改时限 stays the text an
/// import reads back (a date, 长期坚持 or 未设定 in one column).
/// </summary>
public sealed record LedgerExportRow(
    LedgerSheetRow Row,
    ItemKind Kind,
    int Number,
    string Round,
    int? WorkingDaysLeft,
    WarningLevel Warning,
    DateOnly? ClosedOutOn,
    DateOnly? OriginalDueDate,
    int DeadlineAdjustments,
    int RemindersSent)
{
    public IReadOnlyList<object?> Cells =>
    [
        Kind == ItemKind.Feedback ? Number : Row.Number,
        Row.Aspect,
        Row.Problem,
        Row.Measures,
        Row.ResponsibleLeader,
        Row.Departments,
        Row.ResponsiblePerson,
        Row.Deadline,
        Row.Status,
        Row.Progress,
        Round,
        WorkingDaysLeft,
        Warning.ToChinese(),
        ClosedOutOn,
        OriginalDueDate,
        DeadlineAdjustments,
        RemindersSent,
    ];
}

/// <summary>
/// One item as its row reads; every cell is the text the spreadsheet shows. <see cref="Cells"/> are the columns an import
/// reads back (<see cref="LedgerSheetLayout.Headers"/>); the export adds what the ledger counts (<see cref="ExportCells"/>).
/// </summary>
public sealed record LedgerSheetRow(
    string Number,
    string Aspect,
    string Problem,
    string Measures,
    string? ResponsibleLeader,
    string? Departments,
    string? ResponsiblePerson,
    string Deadline,
    string Status,
    string? Progress,
    string RemindersSent)
{
    public IReadOnlyList<string?> Cells => [Number, Aspect, Problem, Measures, ResponsibleLeader, Departments, ResponsiblePerson, Deadline, Status, Progress];

}

internal sealed class ExportLedgerQueryValidator : AbstractValidator<ExportLedgerQuery>
{
    public ExportLedgerQueryValidator() => RuleFor(x => x.Filter).SetValidator(new ListItemsQueryValidator());
}

internal sealed class ExportLedgerQueryHandler(ILedgerDbContext db, RequestContext context, WorkingCalendars calendars)
    : IRequestHandler<ExportLedgerQuery, LedgerSheet>
{
    /// <summary>Rows read at a time: a chunk's names, measures and progress come in a handful of set-based queries.</summary>
    private const int Chunk = 500;

    public async Task<LedgerSheet> Handle(ExportLedgerQuery request, CancellationToken cancellationToken)
    {
        var asOf = context.Now;
        var clock = await ItemClock.ReadAsync(db, context, calendars, cancellationToken);
        var filtered = ListItemsQueryHandler.Filter(db, db.Items.AsNoTracking().VisibleTo(context.User), request.Filter, clock);
        var ids = await ListItemsQueryHandler.Sort(filtered, request.Filter).Select(i => i.Id).ToListAsync(cancellationToken);
        var figures = request.Filter.RoundId is { } roundId && RoundFigures.MayRead(context.User)
            ? await RoundFigures.ReadAsync(db, roundId, DateOnly.FromDateTime(asOf.DateTime), cancellationToken)
            : null;
        return new LedgerSheet(await TitleAsync(request.Filter.RoundId, cancellationToken), asOf, RowsAsync(ids, clock, cancellationToken), figures);
    }

    private async IAsyncEnumerable<LedgerExportRow> RowsAsync(List<Guid> ids, ItemClock clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var items = db.Items.AsNoTracking().Where(i => chunk.Contains(i.Id));
            var stored = (await LedgerSheetRows.ReadAsync(db, items, cancellationToken)).ToDictionary(r => r.Id);
            var closedOut = await items.Select(i => new { i.Id, i.ClosedOutAt }).ToDictionaryAsync(i => i.Id, i => i.ClosedOutAt, cancellationToken);
            foreach (var id in chunk)
            {
                var (row, item) = (stored[id], stored[id].Item.ToDto(clock));
                yield return new LedgerExportRow(
                    row.Row,
                    item.Kind,
                    item.Number,
                    item.RoundName,
                    item.WorkingDaysLeft,
                    item.Warning,
                    item.Status == ItemStatus.ClosedOut && closedOut[id] is { } at ? ChinaCalendar.ToChinaDate(at) : null,
                    item.OriginalDueDate,
                    item.DeadlineAdjustments,
                    item.RemindersSent);
            }
        }
    }

    private async Task<string> TitleAsync(Guid? roundId, CancellationToken cancellationToken)
    {
        var round = roundId is { } id
            ? await db.Rounds.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.InspectingTeam, r.InspectedUnit }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return round is null ? "巡察反馈问题整改台账" : $"{round.InspectingTeam}巡察{round.InspectedUnit}反馈问题整改台账";
    }
}

/// <summary>Items as spreadsheet rows, read in a handful of set-based queries: what the export writes and what an import compares against.</summary>
internal static class LedgerSheetRows
{
    public static async Task<List<StoredRow>> ReadAsync(ILedgerDbContext db, IQueryable<RectificationItem> ordered, CancellationToken cancellationToken)
    {
        var rows = await ordered.SelectRows(db).ToListAsync(cancellationToken);
        var ids = rows.ConvertAll(r => r.Id);
        var items = db.Items.AsNoTracking().Where(i => ids.Contains(i.Id));

        var descriptions = await items.Select(i => new { i.Id, i.Description }).ToDictionaryAsync(i => i.Id, i => i.Description, cancellationToken);
        var measures = (await items.SelectMany(i => i.Measures).OrderBy(m => m.Sequence).Select(m => new { m.ItemId, m.Text }).ToListAsync(cancellationToken))
            .ToLookup(m => m.ItemId, m => m.Text);
        var coDepartments = (await items.SelectMany(i => i.CoDepartments)
                .Join(db.Departments, c => c.DepartmentId, d => d.Id, (c, d) => new { c.ItemId, d.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ItemId, c => c.Name);
        var progress = (await items.SelectMany(i => i.ProgressReports)
                .Select(p => new { p.ItemId, p.ReportDate, p.RecordedAt, p.Progress })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.ItemId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.ReportDate).ThenBy(p => p.RecordedAt).Last());

        return rows.ConvertAll(r => new StoredRow(r.Id, r.UpdatedAt, r, new LedgerSheetRow(
            LedgerSheetLayout.NumberCell(r.Kind, r.Number),
            r.AspectTitle,
            LedgerSheetLayout.ProblemCell(r.Title, descriptions[r.Id]),
            LedgerSheetLayout.MeasuresCell(measures[r.Id]),
            r.ResponsibleLeaderName,
            LedgerSheetLayout.DepartmentsCell(r.LeadDepartmentName, coDepartments[r.Id]),
            r.ResponsiblePersonName,
            Deadline.From(r.DueDate, r.IsLongTerm).ToString(),
            LedgerSheetLayout.StatusCell(r.Status),
            progress.TryGetValue(r.Id, out var p) ? LedgerSheetLayout.ProgressCell(p.ReportDate, p.Progress) : null,
            r.RemindersSent.ToString(CultureInfo.InvariantCulture))));
    }
}

/// <summary>An item's row as stored now, with what an import needs to apply a change to it.</summary>
/// <param name="Item">The row's columns as lists read them.</param>
internal sealed record StoredRow(Guid Id, DateTime UpdatedAt, ItemRow Item, LedgerSheetRow Row);
