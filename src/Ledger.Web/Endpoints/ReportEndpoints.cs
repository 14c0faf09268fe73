using System.Globalization;
using Ledger.Application.Reports;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class ReportEndpoints
{
    private static readonly (string Route, ReportFormat Format, string Name)[] Formats =
        [("docx", ReportFormat.Docx, "Word 文档（.docx，公文格式）"), ("text", ReportFormat.Text, "纯文本（每段一行，UTF-8）")];

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var report = app.MapGroup("/api/rounds/{id:guid}/report").WithTags("整改情况通报");
        report.MapGet("/", (Guid id, DateOnly? asOf, DateOnly? reportDate, IMediator m, CancellationToken ct) =>
                m.Send(new GetReportDraftQuery(id, asOf, reportDate), ct))
            .Doc("生成截至某日（asOf，默认今天）的通报草稿：全文、统计数字、各问题段落（生成的与填写的整改情况）、发布前的一致性检查清单和草稿版本号；reportDate 为成文日期（默认截至日期）", changes: false);
        foreach (var (route, format, name) in Formats)
        {
            report.MapGet($"/{route}", async (Guid id, DateOnly? asOf, DateOnly? reportDate, IMediator m, CancellationToken ct) =>
                    File(await m.Send(new GetReportFileQuery(id, format, asOf, reportDate), ct)))
                .Doc($"下载截至某日的通报草稿：{name}，与草稿全文逐段一致", changes: false)
                .Produces(StatusCodes.Status200OK, contentType: format == ReportFormat.Text ? "text/plain" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }

        report.MapPut("/", (Guid id, EditReportCommand command, IMediator m, CancellationToken ct) => m.Send(command with { RoundId = id }, ct))
            .Doc("填写通报：第一部分组织整改落实情况、第三部分下一步工作安排（每行一段，以（一）或一是开头的句子加粗），以及标题、开头段落、结尾、落款（留空则由台账生成）；首次填写时 version 为 null");
        report.MapPut("/items/{itemId:guid}", (Guid id, Guid itemId, WriteReportItemTextCommand command, IMediator m, CancellationToken ct) =>
                m.Send(command with { RoundId = id, ItemId = itemId }, ct))
            .Doc("改写某个问题在通报中的整改情况（每行一段；留空则恢复为由整改措施和进展情况生成的文字），不改动台账记录");
        report.MapGet("/editions", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListPublishedReportsQuery(id), ct))
            .Doc("已发布的各版通报，最新的在前", changes: false);
        report.MapPost("/editions", async (Guid id, PublishReportCommand command, IMediator m, CancellationToken ct) =>
            {
                var published = await m.Send(command with { RoundId = id }, ct);
                return Results.Created($"/api/report-editions/{published.Id}", published);
            })
            .Doc("发布通报：按审阅过的草稿版本重新生成并定稿为新的一版（全文、统计数字、各事项状态、.docx 及其 SHA-256）；一致性检查有问题时须 issuesReviewed=true");

        var editions = app.MapGroup("/api/report-editions/{editionId:guid}").WithTags("整改情况通报");
        editions.MapGet("/", (Guid editionId, IMediator m, CancellationToken ct) => m.Send(new GetPublishedReportQuery(editionId), ct))
            .Doc("某一版已发布通报：定稿的全文、统计数字及发布时尚存的一致性问题", changes: false);
        foreach (var (route, format, name) in Formats)
        {
            editions.MapGet($"/{route}", async (Guid editionId, IMediator m, CancellationToken ct) =>
                    File(await m.Send(new GetPublishedReportFileQuery(editionId, format), ct)))
                .Doc($"下载某一版已发布通报：{name}，即发布时定稿的文件", changes: false)
                .Produces(StatusCodes.Status200OK, contentType: format == ReportFormat.Text ? "text/plain" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
    }

    /// <summary>
    /// A round's draft report for a date as a file, for a link on the report page: a browser's GET with the cookie is
    /// authorised like any request, and the file name comes with the answer.
    /// </summary>
    public static string DraftFileUrl(Guid roundId, ReportFormat format, DateOnly asOf, DateOnly? reportDate) =>
        $"/api/rounds/{roundId}/report/{Route(format)}?asOf={Iso(asOf)}" + (reportDate is { } date ? $"&reportDate={Iso(date)}" : string.Empty);

    /// <summary>A published edition's file, as it was frozen.</summary>
    public static string EditionFileUrl(Guid editionId, ReportFormat format) => $"/api/report-editions/{editionId}/{Route(format)}";

    private static string Route(ReportFormat format) => Formats.Single(f => f.Format == format).Route;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult File(ReportFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}
