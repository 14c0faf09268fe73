using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>
/// A 督办通知's 督办单 as a .docx in the report's official layout, as issued; for the office, leaders and supervisors, and
/// for the department it names (another department finds no such notice).
/// </summary>
[Allowed(Roles.Office, Roles.Leader, Roles.Supervisor, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record GetSupervisionNoticeFileQuery(Guid Id) : IQuery<ReportFile>;

internal sealed class GetSupervisionNoticeFileQueryValidator : AbstractValidator<GetSupervisionNoticeFileQuery>
{
    public GetSupervisionNoticeFileQueryValidator() => RuleFor(x => x.Id).RequiredId();
}

internal sealed class GetSupervisionNoticeFileQueryHandler(ILedgerDbContext db, RequestContext context, IReportRenderer renderer)
    : IRequestHandler<GetSupervisionNoticeFileQuery, ReportFile>
{
    public async Task<ReportFile> Handle(GetSupervisionNoticeFileQuery request, CancellationToken cancellationToken)
    {
        var notice = await db.SupervisionNotices.AsNoTracking().Include(n => n.Items).FirstOrDefaultAsync(n => n.Id == request.Id, cancellationToken);
        var itemIds = notice?.Items.Select(i => i.ItemId).ToList() ?? [];
        if (notice is null || !await db.Items.VisibleTo(context.User).AnyAsync(i => itemIds.Contains(i.Id), cancellationToken))
        {
            throw new NotFoundException("督办通知");
        }

        var docx = await renderer.RenderDocxAsync(SupervisionDesk.Document(notice), new DateTimeOffset(DateTime.SpecifyKind(notice.IssuedAt, DateTimeKind.Utc)), cancellationToken);
        return ReportFiles.Docx($"督办通知{notice.NumberText}（{notice.Addressee}）", renderer, docx);
    }
}
