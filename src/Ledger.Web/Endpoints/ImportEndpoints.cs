using System.Text;
using System.Text.Json;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Importing;
using Ledger.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ledger.Web.Endpoints;

internal static class ImportEndpoints
{
    /// <param name="Round">The round's facts as corrected in the preview; a null field keeps what the document says.</param>
    /// <param name="Names">For each name of the document no list holds: an existing department or person, or create it.</param>
    public sealed record PastedReport(string? FileName, string Text, RoundDraft? Round = null, IReadOnlyList<NameChoice>? Names = null)
    {
        /// <summary>The name a pasted text is kept under when the user gives none.</summary>
        public const string DefaultFileName = "粘贴的文本.txt";
    }

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("导入");

        imports.MapPost("/", async (IFormFile? file, bool? dryRun, [FromForm] string? inspectingTeam, [FromForm] string? inspectedUnit, [FromForm] DateOnly? inspectionStart, [FromForm] DateOnly? inspectionEnd, [FromForm] DateOnly? feedbackDate, [FromForm] string? names, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IMediator m, CancellationToken ct) =>
                Answer(await m.Send(
                    new ImportReportCommand(
                        file?.FileName ?? string.Empty,
                        await ReadAsync(file, ".txt、.html、.docx 或 .xlsx", ct),
                        dryRun ?? false,
                        new RoundDraft(inspectingTeam, inspectedUnit, inspectionStart, inspectionEnd, feedbackDate, null),
                        Choices(names, json.Value.SerializerOptions)),
                    ct)))
            .DisableAntiforgery()
            .Doc(
                "上传巡察反馈意见、整改方案（文字或 Word 表格）、整改情况报告或任一模板的 Excel 台账（.txt/.html/.docx/.xlsx），自动识别文种：dryRun=true 只预览（unknownNames 列出名单中没有的部门、领导和人员及其所在行），否则导入为巡察轮次（同一文件不重复导入）；巡察组、被巡察单位和日期可随表单填写，覆盖文件中识别的内容；names 为 JSON 数组，逐个名称选择对应的已有部门或人员（existingId）或新建（create=true）",
                hasTarget: false);

        imports.MapPost("/text", async (PastedReport report, bool? dryRun, IMediator m, CancellationToken ct) =>
                Answer(await m.Send(new ImportReportCommand(report.FileName ?? PastedReport.DefaultFileName, Encoding.UTF8.GetBytes(report.Text ?? string.Empty), dryRun ?? false, report.Round, report.Names), ct)))
            .Doc("粘贴报告文字（或网页源码）导入：dryRun=true 只预览，否则导入为巡察轮次；round 可填写巡察组、被巡察单位和日期；names 逐个名称选择对应的已有部门或人员（existingId）或新建（create=true）", hasTarget: false);

        app.MapPost("/api/rounds/{roundId:guid}/ledger-sheet", async (Guid roundId, IFormFile? file, bool? dryRun, bool? skipInvalidRows, IMediator m, CancellationToken ct) =>
                await m.Send(
                    new ImportLedgerSheetCommand(roundId, file?.FileName ?? string.Empty, await ReadAsync(file, ".xlsx", ct), dryRun ?? false, skipInvalidRows ?? false),
                    ct))
            .WithTags("导入")
            .DisableAntiforgery()
            .Doc(
                "导入 Excel 台账（导出的格式）：按序号更新已有事项、新增其余行；dryRun=true 逐行预览；有错误时整表不导入（400，按“第N行·列名”列出），skipInvalidRows=true 则只导入无误的行",
                hasTarget: true);
    }

    /// <summary>An upload's bytes; the handlers check size and content, this only refuses a missing file.</summary>
    private static async Task<byte[]> ReadAsync(IFormFile? file, string types, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw FieldValidation.Error("file", $"请选择要导入的文件（{types}）。");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The names form field: the same JSON array the text import takes as <c>names</c>.</summary>
    private static List<NameChoice>? Choices(string? json, JsonSerializerOptions options)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<List<NameChoice>>(json, options);
        }
        catch (JsonException)
        {
            throw FieldValidation.Error("names", "names 须为 JSON 数组，如 [{\"kind\":\"Department\",\"name\":\"财务科\",\"create\":true}]。");
        }
    }

    private static IResult Answer(ImportResult result) =>
        result is { RoundId: { } id, AlreadyImported: false } ? Results.Created($"/api/rounds/{id}", result) : Results.Ok(result);
}
