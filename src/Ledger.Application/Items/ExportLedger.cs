using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>
/// 整改台账 for a spreadsheet: every item matching the list's filters, in its order, with the columns
/// offices keep — 序号, 方面, 问题, 整改措施, 责任领导, 责任部门, 责任人, 整改时限, 整改状态, 进展情况.
/// </summary>
public sealed record ExportLedgerQuery(ListItemsQuery Filter) : IQuery<LedgerSheet>;

public sealed record LedgerSheet(string Title, DateOnly AsOf, IReadOnlyList<LedgerSheetRow> Rows);

public sealed record LedgerSheetRow(
    int Number,
    string Aspect,
    string Problem,
    string Measures,
    string? ResponsibleLeader,
    string? Departments,
    string? ResponsiblePerson,
    string Deadline,
    string Status,
    string? Progress);

internal sealed class ExportLedgerQueryValidator : AbstractValidator<ExportLedgerQuery>
{
    public ExportLedgerQueryValidator() => RuleFor(x => x.Filter).SetValidator(new ListItemsQueryValidator());
}

internal sealed class ExportLedgerQueryHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<ExportLedgerQuery, LedgerSheet>
{
    /// <summary>More rows than any round holds; a larger export is cut here rather than exhausting memory.</summary>
    public const int MaxRows = 10_000;

    public async Task<LedgerSheet> Handle(ExportLedgerQuery request, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var filtered = ListItemsQueryHandler.Filter(db.Items.AsNoTracking(), request.Filter, today);
        var rows = await ListItemsQueryHandler.Sort(filtered, request.Filter).Take(MaxRows).SelectRows(db).ToListAsync(cancellationToken);
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

        return new LedgerSheet(
            await TitleAsync(request.Filter.RoundId, cancellationToken),
            today,
            rows.ConvertAll(r => new LedgerSheetRow(
                r.Number,
                r.AspectTitle,
                Problem(r.Title, descriptions[r.Id]),
                string.Join('\n', measures[r.Id]),
                r.ResponsibleLeaderName,
                r.LeadDepartmentName is null ? null : string.Join('、', coDepartments[r.Id].Order().Prepend(r.LeadDepartmentName)),
                r.ResponsiblePersonName,
                Deadline.From(r.DueDate, r.IsLongTerm).ToString(),
                r.Status.ToChinese(),
                progress.TryGetValue(r.Id, out var p) ? $"{ChinaCalendar.Format(p.ReportDate)}：{p.Progress}" : null)));
    }

    private async Task<string> TitleAsync(Guid? roundId, CancellationToken cancellationToken)
    {
        var round = roundId is { } id
            ? await db.Rounds.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.InspectingTeam, r.InspectedUnit }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return round is null ? "巡察反馈问题整改台账" : $"{round.InspectingTeam}巡察{round.InspectedUnit}反馈问题整改台账";
    }

    /// <summary>The problem as the feedback states it: the description, led by the title when it does not already start with it.</summary>
    private static string Problem(string title, string description) =>
        description.Length == 0 ? title
        : description.StartsWith(title, StringComparison.Ordinal) ? description
        : $"{title}：{description}";
}
