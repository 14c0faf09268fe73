using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reports;

/// <summary>
/// A round's 整改情况通报 generated for a date, to review before publishing: the text, the figures, each problem's
/// paragraph with its composed and written 整改情况, and the consistency issues.
/// </summary>
[Allowed(Roles.Office, Roles.Leader, Roles.Supervisor, Roles.Admin)]
public sealed record GetReportDraftQuery(Guid RoundId, DateOnly? AsOf = null, DateOnly? ReportDate = null) : IQuery<ReportDraftDto>, IReportDates;

internal sealed class GetReportDraftQueryValidator : AbstractValidator<GetReportDraftQuery>
{
    public GetReportDraftQueryValidator(RequestContext context) => Include(new ReportDatesValidator(context));
}

internal sealed class GetReportDraftQueryHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<GetReportDraftQuery, ReportDraftDto>
{
    public async Task<ReportDraftDto> Handle(GetReportDraftQuery request, CancellationToken cancellationToken)
    {
        var (asOf, reportDate) = ReportDates.Resolve(request, context);
        var draft = await ReportComposer.DraftAsync(db.Reports.AsNoTracking(), request.RoundId, cancellationToken);
        return (await ReportComposer.ComposeAsync(db, request.RoundId, asOf, reportDate, draft, cancellationToken)).Draft;
    }
}
