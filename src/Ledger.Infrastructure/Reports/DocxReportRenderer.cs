using Ledger.Application.Reports;

namespace Ledger.Infrastructure.Reports;

internal sealed class DocxReportRenderer : IReportRenderer
{
    public string DocxContentType => ReportDocxWriter.ContentType;

    public async Task<byte[]> RenderDocxAsync(ReportDocument report, DateTimeOffset created, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await ReportDocxWriter.WriteAsync(report, buffer, created, cancellationToken);
        return buffer.ToArray();
    }
}
