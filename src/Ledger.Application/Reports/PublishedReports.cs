using System.Text.Json;
using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reports;

/// <summary>The published editions of a round's report, newest first. Published reports are public documents: every role reads them.</summary>
[Allowed(Roles.Anyone)]
public sealed record ListPublishedReportsQuery(Guid RoundId) : IQuery<IReadOnlyList<PublishedReportSummary>>;

internal sealed class ListPublishedReportsQueryValidator : AbstractValidator<ListPublishedReportsQuery>
{
    public ListPublishedReportsQueryValidator() => RuleFor(x => x.RoundId).RequiredId();
}

internal sealed class ListPublishedReportsQueryHandler(ILedgerDbContext db) : IRequestHandler<ListPublishedReportsQuery, IReadOnlyList<PublishedReportSummary>>
{
    public async Task<IReadOnlyList<PublishedReportSummary>> Handle(ListPublishedReportsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == request.RoundId, cancellationToken))
        {
            throw new NotFoundException("巡察轮次");
        }

        return await db.PublishedReports.AsNoTracking()
            .Where(p => p.RoundId == request.RoundId)
            .OrderByDescending(p => p.Edition)
            .Select(ReportComposer.SummaryOf)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>One published edition as it was frozen: its text, its figures and the consistency issues open when it went out.</summary>
[Allowed(Roles.Anyone)]
public sealed record GetPublishedReportQuery(Guid Id) : IQuery<PublishedReportDto>;

internal sealed class GetPublishedReportQueryValidator : AbstractValidator<GetPublishedReportQuery>
{
    public GetPublishedReportQueryValidator() => RuleFor(x => x.Id).RequiredId();
}

internal sealed class GetPublishedReportQueryHandler(ILedgerDbContext db) : IRequestHandler<GetPublishedReportQuery, PublishedReportDto>
{
    public async Task<PublishedReportDto> Handle(GetPublishedReportQuery request, CancellationToken cancellationToken)
    {
        var frozen = await db.PublishedReports.AsNoTracking()
            .Where(p => p.Id == request.Id)
            .Select(p => new { p.Text, p.Figures, p.Issues })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("已发布的通报");
        var summary = await db.PublishedReports.AsNoTracking().Where(p => p.Id == request.Id).Select(ReportComposer.SummaryOf).SingleAsync(cancellationToken);
        return new PublishedReportDto(
            summary,
            frozen.Text,
            JsonSerializer.Deserialize<RoundFigures>(frozen.Figures, ReportComposer.Json)!,
            JsonSerializer.Deserialize<List<ReportIssue>>(frozen.Issues, ReportComposer.Json)!);
    }
}

/// <summary>A published edition as a file: the .docx exactly as it was handed out (its SHA-256 is in the listing), or its text.</summary>
[Allowed(Roles.Anyone)]
public sealed record GetPublishedReportFileQuery(Guid Id, ReportFormat Format) : IQuery<ReportFile>;

internal sealed class GetPublishedReportFileQueryValidator : AbstractValidator<GetPublishedReportFileQuery>
{
    public GetPublishedReportFileQueryValidator()
    {
        RuleFor(x => x.Id).RequiredId();
        RuleFor(x => x.Format).IsInEnum().WithName("格式");
    }
}

internal sealed class GetPublishedReportFileQueryHandler(ILedgerDbContext db, IReportRenderer renderer) : IRequestHandler<GetPublishedReportFileQuery, ReportFile>
{
    public async Task<ReportFile> Handle(GetPublishedReportFileQuery request, CancellationToken cancellationToken)
    {
        var edition = await db.PublishedReports.AsNoTracking().Where(p => p.Id == request.Id)
            .Select(p => new { p.Edition, p.AsOf, p.Title, p.Text, Docx = request.Format == ReportFormat.Docx ? p.Docx : null })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("已发布的通报");
        var stem = ReportFiles.Stem(edition.Title, edition.AsOf) + $"第{edition.Edition}版";
        return request.Format == ReportFormat.Text ? ReportFiles.Text(stem, edition.Text) : ReportFiles.Docx(stem, renderer, edition.Docx!);
    }
}
