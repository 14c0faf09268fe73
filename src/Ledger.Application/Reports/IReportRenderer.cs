namespace Ledger.Application.Reports;

/// <summary>Renders a report as the .docx handed out (implemented with OpenXml in Infrastructure).</summary>
public interface IReportRenderer
{
    string DocxContentType { get; }

    /// <summary>The .docx of <paramref name="report"/>; <paramref name="created"/> is recorded as the file's creation time.</summary>
    Task<byte[]> RenderDocxAsync(ReportDocument report, DateTimeOffset created, CancellationToken cancellationToken);
}
