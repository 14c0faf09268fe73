using System.Globalization;
using FluentValidation;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Reports;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>
/// 整改台账 for a spreadsheet: every item matching the list's filters, in its order, in the columns of
/// <see cref="LedgerSheetLayout"/>.
/// </summary>
[Allowed(Roles.Anyone)]
public sealed record ExportLedgerQuery(ListItemsQuery Filter) : IQuery<LedgerSheet>;

/// <param name="AsOf">When the sheet was read, in China's time: an import of the sheet refuses to overwrite later changes.</param>
/// <param name="Figures">
/// The round's figures on that date, for the workbook's 统计 sheet: when one round is exported by a user who may read its
/// figures; computed by <see cref="RoundFigures"/>, as the report's are.
/// </param>
public sealed record LedgerSheet(string Title, DateTimeOffset AsOf, IReadOnlyList<LedgerSheetRow> Rows, RoundFigures? Figures = null);

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

    /// <summary>The cells under <see cref="LedgerSheetLayout.ExportHeaders"/>.</summary>
    public IReadOnlyList<string?> ExportCells => [.. Cells, RemindersSent];
}

internal sealed class ExportLedgerQueryValidator : AbstractValidator<ExportLedgerQuery>
{
    public ExportLedgerQueryValidator() => RuleFor(x => x.Filter).SetValidator(new ListItemsQueryValidator());
}

internal sealed class ExportLedgerQueryHandler(ILedgerDbContext db, RequestContext context, WorkingCalendars calendars)
    : IRequestHandler<ExportLedgerQuery, LedgerSheet>
{
    /// <summary>More rows than any round holds; a larger export is cut here rather than exhausting memory.</summary>
    public const int MaxRows = 10_000;

    public async Task<LedgerSheet> Handle(ExportLedgerQuery request, CancellationToken cancellationToken)
    {
        var asOf = context.Now;
        var clock = await ItemClock.ReadAsync(db, context, calendars, cancellationToken);
        var filtered = ListItemsQueryHandler.Filter(db.Items.AsNoTracking().VisibleTo(context.User), request.Filter, clock);
        var rows = await LedgerSheetRows.ReadAsync(db, ListItemsQueryHandler.Sort(filtered, request.Filter).Take(MaxRows), cancellationToken);
        var figures = request.Filter.RoundId is { } roundId && RoundFigures.MayRead(context.User)
            ? await RoundFigures.ReadAsync(db, roundId, DateOnly.FromDateTime(asOf.DateTime), cancellationToken)
            : null;
        return new LedgerSheet(await TitleAsync(request.Filter.RoundId, cancellationToken), asOf, rows.ConvertAll(r => r.Row), figures);
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

        return rows.ConvertAll(r => new StoredRow(r.Id, r.UpdatedAt, new LedgerSheetRow(
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
internal sealed record StoredRow(Guid Id, DateTime UpdatedAt, LedgerSheetRow Row);
