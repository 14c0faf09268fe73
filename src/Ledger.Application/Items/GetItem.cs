using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Settings;
using Ledger.Domain.Items;
using Ledger.Domain.Items.Rules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>One item with its assignment, measures, progress reports, evidence and full history.</summary>
[Allowed(Roles.Anyone)]
public sealed record GetItemQuery(Guid Id) : IQuery<ItemDetailDto>;

internal sealed class GetItemQueryHandler(ILedgerDbContext db, RequestContext context, WorkingCalendars calendars)
    : IRequestHandler<GetItemQuery, ItemDetailDto>
{
    public async Task<ItemDetailDto> Handle(GetItemQuery request, CancellationToken cancellationToken)
    {
        var item = db.Items.AsNoTracking().VisibleTo(context.User).Where(i => i.Id == request.Id);
        var row = await item.SelectRows(db).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(ItemLoading.What);
        var details = await item
            .Select(i => new
            {
                i.Description,
                i.CloseOutSummary,
                i.CloseOutReviewedAt,
                i.CloseOutReviewedBy,
                i.AcknowledgedAt,
                i.AcknowledgedBy,
                i.ClosedOutAt,
                i.ResponsibleLeaderId,
                i.IsLongTerm,
                i.DueDate,
            })
            .SingleAsync(cancellationToken);

        var coDepartments = (await item.SelectMany(i => i.CoDepartments)
            .Join(db.Departments, c => c.DepartmentId, d => d.Id, (c, d) => d)
            .Select(d => new NamedRef(d.Id, d.Name))
            .ToListAsync(cancellationToken))
            .OrderBy(d => d.Name, ChineseOrder.Names)
            .ToList();
        var measures = await item.SelectMany(i => i.Measures)
            .OrderBy(m => m.Sequence)
            .Select(m => new MeasureDto(
                m.Id,
                m.Sequence,
                m.Text,
                m.LeadDepartmentId,
                db.Departments.Where(d => d.Id == m.LeadDepartmentId).Select(d => d.Name).FirstOrDefault(),
                m.DueDate,
                m.CompletedOn,
                m.CompletedBy,
                m.EvidenceRequired))
            .ToListAsync(cancellationToken);
        var reports = await item.SelectMany(i => i.ProgressReports)
            .OrderByDescending(p => p.ReportDate).ThenByDescending(p => p.RecordedAt)
            .Select(p => new ProgressReportDto(p.Id, p.ReportDate, p.Progress, p.NextSteps, p.Problems, p.ReportedBy, p.RecordedAt))
            .ToListAsync(cancellationToken);
        var evidence = await item.SelectMany(i => i.Evidence)
            .OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceDto(
                e.Id,
                e.MeasureId,
                e.FileName,
                e.ContentType,
                e.Sha256,
                e.SizeBytes,
                e.Note,
                e.EffectiveDate,
                e.UploadedBy,
                e.UploadedAt,
                e.SubmittedAt,
                e.WithdrawnAt,
                e.WithdrawnBy,
                e.WithdrawalReason))
            .ToListAsync(cancellationToken);
        var extensions = await item.SelectMany(i => i.Extensions)
            .OrderBy(e => e.RequestedAt)
            .Select(e => new ExtensionDto(
                e.Id, e.PreviousDate, e.RequestedDate, e.Reason, e.RequestedBy, e.RequestedAt, e.Decision, e.DecidedBy, e.DecidedAt, e.DecisionReason))
            .ToListAsync(cancellationToken);
        var history = await item.SelectMany(i => i.History)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new HistoryEntryDto(h.At, h.Actor, h.Change, h.Summary, h.From, h.To, h.Reason))
            .ToListAsync(cancellationToken);

        var instructions = await item.SelectMany(i => i.Instructions)
            .OrderByDescending(x => x.GivenAt)
            .Select(x => new InstructionDto(x.Id, x.Text, x.GivenBy, x.GivenAt, x.ReadAt, x.ReadBy))
            .ToListAsync(cancellationToken);

        var notices = await db.SupervisionNotices.AsNoTracking().Where(n => n.Items.Any(i => i.ItemId == request.Id))
            .OrderByDescending(n => n.IssuedAt)
            .Select(n => new { n.Id, n.Year, n.Number, n.ReplyBy, n.IssuedAt })
            .ToListAsync(cancellationToken);

        var settings = await db.CurrentWorkflowSettingsAsync(cancellationToken);
        var clock = await ItemClock.ReadAsync(db, context, calendars, cancellationToken);
        var pending = extensions.Exists(e => e.Decision == ExtensionDecision.Pending);
        bool StateAllows(ItemAction action) => action switch
        {
            ItemAction.Acknowledge => row.LeadDepartmentId is not null && details.AcknowledgedAt is null,
            ItemAction.ReviewCloseOut => details.CloseOutReviewedAt is null,
            ItemAction.DecideCloseOut => details.CloseOutReviewedAt is not null,
            ItemAction.RequestExtension => !pending && !details.IsLongTerm && details.DueDate is not null && row.ExtensionsApproved < settings.MaxExtensions,
            ItemAction.DecideExtension => pending,
            ItemAction.WithdrawEvidence => evidence.Exists(e => e.WithdrawnAt is null && e.SubmittedAt is null),
            ItemAction.ReadInstructions => instructions.Exists(i => i.ReadAt is null),

            // The rule RectificationItem.MarkCompleted checks: offered only when it would not be refused.
            ItemAction.MarkCompleted => !new CompletionNeedsAllMeasuresDone(measures.Count(m => m.CompletedOn is null)).IsBroken(),
            _ => true,
        };

        var parties = new ItemParties(row.LeadDepartmentId, details.ResponsibleLeaderId, coDepartments.ConvertAll(d => d.Id));
        return new ItemDetailDto(
            row.ToDto(clock),
            details.Description,
            coDepartments,
            details.CloseOutSummary,
            details.CloseOutReviewedAt,
            details.CloseOutReviewedBy,
            details.AcknowledgedAt,
            details.AcknowledgedBy,
            details.ClosedOutAt,
            extensions,
            ItemSteps.AvailableTo(context.User, parties, row.Status, StateAllows, settings.AllLeadersApprove),
            measures,
            reports,
            evidence,
            history,
            instructions,
            notices.ConvertAll(n => new SupervisionNoticeRef(
                n.Id, Domain.Reminders.SupervisionNotice.NumberTextOf(n.Year, n.Number), n.ReplyBy, n.IssuedAt, Reminders.SupervisionDesk.Docx(n.Id))));
    }
}
