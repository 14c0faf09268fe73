using System.Text.Json;
using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Common;
using Ledger.Domain.Reports;
using Ledger.Domain.Reports.Rules;
using MediatR;

namespace Ledger.Application.Reports;

/// <summary>
/// The office publishes the round's report for a date as the next edition: generated again inside the transaction from
/// the draft version the office reviewed, rendered to .docx, and frozen with its text, figures, statuses and open issues.
/// </summary>
/// <param name="Version">The draft's version the office reviewed: a report edited since is not published unseen.</param>
/// <param name="IssuesReviewed">The office has looked at the consistency issues; required while there are any.</param>
[Allowed(Roles.Office)]
public sealed record PublishReportCommand(Guid RoundId, Guid Version, bool IssuesReviewed, DateOnly? AsOf = null, DateOnly? ReportDate = null)
    : ICommand<PublishedReportSummary>, IReportDates;

internal sealed class PublishReportCommandValidator : AbstractValidator<PublishReportCommand>
{
    public PublishReportCommandValidator(RequestContext context)
    {
        Include(new ReportDatesValidator(context));
        RuleFor(x => x.Version).RequiredId();
    }
}

internal sealed class PublishReportCommandHandler(ILedgerDbContext db, RequestContext context, IReportRenderer renderer)
    : IRequestHandler<PublishReportCommand, PublishedReportSummary>
{
    private static readonly Func<PublishedReport, PublishedReportSummary> ToSummary = ReportComposer.SummaryOf.Compile();

    public async Task<PublishedReportSummary> Handle(PublishReportCommand request, CancellationToken cancellationToken)
    {
        var (asOf, reportDate) = ReportDates.Resolve(request, context);
        var draft = await ReportComposer.DraftAsync(db.Reports, request.RoundId, cancellationToken);
        if (draft is null)
        {
            BusinessRules.Check(new ReportPartsMustBeWritten(null, null));
        }

        if (draft!.Version != request.Version)
        {
            throw new ConcurrencyConflictException(draft.Version);
        }

        var report = await ReportComposer.ComposeAsync(db, request.RoundId, asOf, reportDate, draft, cancellationToken);
        var docx = await renderer.RenderDocxAsync(report.Document, context.Now, cancellationToken);
        var published = draft.Publish(
            new PublishedContent(
                asOf,
                reportDate,
                report.Document.Title,
                report.Document.ToPlainText(),
                JsonSerializer.Serialize(report.Draft.Figures, ReportComposer.Json),
                JsonSerializer.Serialize(report.Statuses, ReportComposer.Json),
                JsonSerializer.Serialize(report.Draft.Issues, ReportComposer.Json),
                docx),
            report.Draft.Issues.Count,
            request.IssuesReviewed,
            context.Stamp());
        db.PublishedReports.Add(published);
        return ToSummary(published);
    }
}
