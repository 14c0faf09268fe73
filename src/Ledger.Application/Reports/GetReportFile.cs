using System.Text;
using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reports;

public enum ReportFormat
{
    /// <summary>The .docx in the layout of official documents.</summary>
    Docx,

    /// <summary>Plain text, one paragraph per line, UTF-8.</summary>
    Text,
}

/// <summary>The draft report of a round for a date as a file, .docx or plain text: the same paragraphs either way.</summary>
[Allowed(Roles.Office, Roles.Leader, Roles.Supervisor, Roles.Admin)]
public sealed record GetReportFileQuery(Guid RoundId, ReportFormat Format, DateOnly? AsOf = null, DateOnly? ReportDate = null) : IQuery<ReportFile>, IReportDates;

internal sealed class GetReportFileQueryValidator : AbstractValidator<GetReportFileQuery>
{
    public GetReportFileQueryValidator(RequestContext context)
    {
        Include(new ReportDatesValidator(context));
        RuleFor(x => x.Format).IsInEnum().WithName("格式");
    }
}

internal sealed class GetReportFileQueryHandler(ILedgerDbContext db, RequestContext context, IReportRenderer renderer)
    : IRequestHandler<GetReportFileQuery, ReportFile>
{
    public async Task<ReportFile> Handle(GetReportFileQuery request, CancellationToken cancellationToken)
    {
        var (asOf, reportDate) = ReportDates.Resolve(request, context);
        var draft = await ReportComposer.DraftAsync(db.Reports.AsNoTracking(), request.RoundId, cancellationToken);
        var report = await ReportComposer.ComposeAsync(db, request.RoundId, asOf, reportDate, draft, cancellationToken);
        return request.Format == ReportFormat.Text
            ? ReportFiles.Text(report.FileStem, report.Document.ToPlainText())
            : ReportFiles.Docx(report.FileStem, renderer, await renderer.RenderDocxAsync(report.Document, context.Now, cancellationToken));
    }
}

internal static class ReportFiles
{
    public const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>中共…党组关于巡察整改进展情况的通报（截至2024年7月8日）.</summary>
    public static string Stem(string title, DateOnly asOf) => $"{title}（截至{Domain.Common.ChinaCalendar.Format(asOf)}）";

    public static ReportFile Text(string stem, string text) => new(stem + ".txt", TextContentType, Encoding.UTF8.GetBytes(text));

    public static ReportFile Docx(string stem, IReportRenderer renderer, byte[] docx) => new(stem + ".docx", renderer.DocxContentType, docx);
}
