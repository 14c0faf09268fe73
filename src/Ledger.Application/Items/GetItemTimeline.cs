using Ledger.Application.Auditing;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>
/// An item's story in time order: every audited command on it (with the history lines it wrote: status changes,
/// decisions, deadlines), every progress report and every piece of evidence, withdrawn ones included.
/// </summary>
[Allowed(Roles.Anyone)]
public sealed record GetItemTimelineQuery(Guid Id) : IQuery<IReadOnlyList<TimelineEntryDto>>;

public enum TimelineKind
{
    /// <summary>A command's audit record.</summary>
    Action,
    Progress,
    Evidence,
}

/// <param name="Lines">What happened, in the users' words: the history lines of an action, a report's parts, a file's name and hash.</param>
/// <param name="RecordId">The audit record, progress report or evidence the entry stands for.</param>
public sealed record TimelineEntryDto(DateTime At, string Actor, TimelineKind Kind, string Title, IReadOnlyList<string> Lines, string? Reason, Guid RecordId);

internal sealed class GetItemTimelineQueryHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<GetItemTimelineQuery, IReadOnlyList<TimelineEntryDto>>
{
    private static readonly string[] Imports = ["ImportReport", "ImportLedgerSheet"];

    public async Task<IReadOnlyList<TimelineEntryDto>> Handle(GetItemTimelineQuery request, CancellationToken cancellationToken)
    {
        var item = db.Items.AsNoTracking().VisibleTo(context.User).Where(i => i.Id == request.Id);
        if (!await item.AnyAsync(cancellationToken))
        {
            throw new NotFoundException(ItemLoading.What);
        }

        // An import writes many items under one record, named after one of them or their round: its records count
        // where they wrote this item.
        var idText = request.Id.ToString();
        var audits = await db.AuditRecords.AsNoTracking()
            .Where(a => a.EntityId == request.Id || (Imports.Contains(a.Action) && a.Changes.Contains(idText)))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.At, a.Actor, a.Action, a.Reason, a.EntityId })
            .ToListAsync(cancellationToken);
        var history = await item.SelectMany(i => i.History)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new { h.At, h.Summary, h.From, h.To })
            .ToListAsync(cancellationToken);
        var reports = await item.SelectMany(i => i.ProgressReports)
            .Select(p => new { p.Id, p.RecordedAt, p.ReportedBy, p.ReportDate, p.Progress, p.NextSteps, p.Problems })
            .ToListAsync(cancellationToken);
        var evidence = await item.SelectMany(i => i.Evidence)
            .Select(e => new { e.Id, e.UploadedAt, e.UploadedBy, e.FileName, e.Sha256, e.Note, e.EffectiveDate, e.WithdrawnAt, e.WithdrawnBy, e.WithdrawalReason })
            .ToListAsync(cancellationToken);

        // A command writes its history lines, then its audit record in the same transaction: the lines written
        // since the previous record belong to this one.
        var actions = new List<(Guid Id, DateTime At, string Actor, string Action, string? Reason, List<string> Lines)>();
        var next = 0;
        foreach (var audit in audits)
        {
            var lines = new List<string>();
            for (; next < history.Count && history[next].At <= audit.At; next++)
            {
                lines.Add(history[next].Summary);
            }

            if (audit.EntityId != request.Id && lines.Count == 0)
            {
                continue;
            }

            actions.Add((audit.Id, audit.At, audit.Actor, audit.Action, audit.Reason, lines));
        }

        // A report or an upload is one action with one line: the record's own entry, carrying whatever else its command
        // wrote, stands for the command's audit record, the first of its kind recorded when the report or file was.
        var claimed = new HashSet<Guid>();
        List<string> Claim(string action, DateTime at, string ownLine)
        {
            var match = actions.FirstOrDefault(a => a.Action == action && a.At >= at && !claimed.Contains(a.Id));
            if (match.Lines is null)
            {
                return [];
            }

            claimed.Add(match.Id);
            return match.Lines.Where(l => l != ownLine).ToList();
        }

        var entries = new List<TimelineEntryDto>();
        entries.AddRange(reports.Select(p => new TimelineEntryDto(
            p.RecordedAt,
            p.ReportedBy,
            TimelineKind.Progress,
            $"报送{Domain.Common.ChinaCalendar.Format(p.ReportDate)}进展情况",
            new[] { p.Progress, p.NextSteps is null ? null : $"下一步：{p.NextSteps}", p.Problems is null ? null : $"存在问题：{p.Problems}" }.OfType<string>()
                .Concat(Claim("ReportProgress", p.RecordedAt, $"报送{Domain.Common.ChinaCalendar.Format(p.ReportDate)}进展情况")).ToList(),
            null,
            p.Id)));
        entries.AddRange(evidence.Select(e => new TimelineEntryDto(
            e.UploadedAt,
            e.UploadedBy,
            TimelineKind.Evidence,
            e.WithdrawnAt is null ? "佐证材料" : "佐证材料（已撤回）",
            new[]
            {
                $"{e.FileName}（SHA-256 {e.Sha256}）",
                $"材料日期：{Domain.Common.ChinaCalendar.Format(e.EffectiveDate)}",
                e.Note,
                e.WithdrawnAt is { } at ? $"{e.WithdrawnBy} 于 {Domain.Common.ChinaCalendar.Format(new DateTimeOffset(at))} 撤回" : null,
            }.OfType<string>().Concat(Claim("AttachEvidence", e.UploadedAt, "提交佐证材料")).ToList(),
            e.WithdrawalReason,
            e.Id)));
        entries.AddRange(actions.Where(a => !claimed.Contains(a.Id))
            .Select(a => new TimelineEntryDto(a.At, a.Actor, TimelineKind.Action, AuditActions.ToChinese(a.Action), a.Lines, a.Reason, a.Id)));
        return entries.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
    }
}
