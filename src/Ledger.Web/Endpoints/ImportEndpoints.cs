using System.Text;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Importing;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class ImportEndpoints
{
    public sealed record PastedReport(string? FileName, string Text);

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("导入");

        imports.MapPost("/", async (IFormFile? file, bool? dryRun, IMediator m, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    throw FieldValidation.Error("file", "请选择要导入的文件（.txt 或 .docx）。");
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                return Answer(await m.Send(new ImportReportCommand(file.FileName, buffer.ToArray(), dryRun ?? false), ct));
            })
            .DisableAntiforgery()
            .Doc("上传整改报告、反馈意见或整改方案（.txt/.docx）：dryRun=true 只预览，否则导入为巡察轮次（同一文件不重复导入）", hasTarget: false);

        imports.MapPost("/text", async (PastedReport report, bool? dryRun, IMediator m, CancellationToken ct) =>
                Answer(await m.Send(new ImportReportCommand(report.FileName ?? "粘贴的文本.txt", Encoding.UTF8.GetBytes(report.Text ?? string.Empty), dryRun ?? false), ct)))
            .Doc("粘贴报告文字导入：dryRun=true 只预览，否则导入为巡察轮次", hasTarget: false);
    }

    private static IResult Answer(ImportResult result) =>
        result is { RoundId: { } id, AlreadyImported: false } ? Results.Created($"/api/rounds/{id}", result) : Results.Ok(result);
}
