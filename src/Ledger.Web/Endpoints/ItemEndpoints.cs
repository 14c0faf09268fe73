using Ledger.Application.Common;
using Ledger.Application.EvidenceFiles;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Spreadsheets;
using Ledger.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ledger.Web.Endpoints;

internal static class ItemEndpoints
{
    public static void MapItemEndpoints(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/items").WithTags("整改事项");

        items.MapGet("/", ([AsParameters] ItemFilter filter, IMediator m, CancellationToken ct) => m.Send(filter.ToQuery(), ct))
            .Doc("台账：按轮次、方面、状态、牵头部门、责任领导、是否逾期、因调整时限退出超期（movedOutOfOverdue）、待分工（unassigned）、超期工作日区间、N个工作日内到期、销号日期（closedOutFrom/closedOutTo，按办理记录）、关键词筛选，排序并分页；含剩余工作日和催办次数", changes: false, hasTarget: false)
            .Produces<PagedResult<ItemListDto>>();
        items.MapGet("/export", async ([AsParameters] ItemFilter filter, IMediator m, CancellationToken ct) =>
            {
                // Written to a temporary file as the rows are read (a zip needs a seekable stream to finish), then sent from there.
                var sheet = await m.Send(new ExportLedgerQuery(filter.ToQuery()), ct);
                var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    await LedgerWorkbook.WriteAsync(sheet, file, ct);
                }
                catch
                {
                    await file.DisposeAsync();
                    throw;
                }

                file.Position = 0;
                return Results.File(file, Workbook.ContentType, LedgerWorkbook.FileName(sheet));
            })
            .Doc("导出整改台账 Excel（与台账相同的筛选和排序，不分页、不限行数）：序号、方面、问题、整改措施、责任领导、责任部门、责任人、整改时限、整改状态、进展情况、巡察轮次、剩余/超期工作日、预警（红/黄/绿/灰）、销号日期、调整次数、催办次数；表头行冻结并可筛选", changes: false, hasTarget: false)
            .Produces(StatusCodes.Status200OK, contentType: Workbook.ContentType);
        items.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetItemQuery(id), ct))
            .Doc("事项详情：责任分工、整改措施、进展情况、佐证材料和全部历史", changes: false);

        items.MapPut("/{id:guid}", (Guid id, EditItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("修改问题标题、描述或所属方面");
        items.MapPut("/{id:guid}/assignment", (Guid id, AssignItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("责任分工：责任领导、牵头部门、配合部门、责任人和整改时限（或长期坚持）；调整已定的整改时限须填写理由（reason）");
        items.MapPost("/assignment", (AssignItemsCommand c, IMediator m, CancellationToken ct) => m.Send(c, ct))
            .Doc("批量分工：为所选事项（items：id 与 version）统一指定责任领导、牵头部门、责任人或整改时限，未填的保持各自原值；全部成功或全部不变，他人已修改的事项以 409 列出");
        items.MapPost("/{id:guid}/measures", (Guid id, AddMeasureCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("新增整改措施");
        items.MapPost("/{id:guid}/measures/{measureId:guid}/complete", (Guid id, Guid measureId, CompleteMeasureCommand c, IMediator m, CancellationToken ct) =>
                m.Send(c with { Id = id, MeasureId = measureId }, ct))
            .Doc("整改措施标记为完成");
        items.MapPost("/{id:guid}/progress", (Guid id, ReportProgressCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("报送进展情况（本期进展、下一步、存在问题）");

        items.MapPost("/{id:guid}/acknowledge", (Guid id, AcknowledgeItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("签收：牵头部门确认接收交办事项（签收前整改办看到“未签收”）；start 为 true 时未启动的事项同时开始整改");
        items.MapPut("/{id:guid}/measures/{measureId:guid}/evidence-required", (Guid id, Guid measureId, RequireMeasureEvidenceCommand c, IMediator m, CancellationToken ct) =>
                m.Send(c with { Id = id, MeasureId = measureId }, ct))
            .Doc("佐证清单：整改办要求该措施单独提交佐证材料后方可申请销号");

        var upload = items.MapPost(
                "/{id:guid}/evidence",
                async (Guid id, IFormFile? file, [FromForm] Guid version, [FromForm] Guid? measureId, [FromForm] string? note, [FromForm] DateOnly? effectiveDate, IMediator m, CancellationToken ct) =>
                {
                    await using var content = file?.OpenReadStream() ?? Stream.Null;
                    return await m.Send(new AttachEvidenceCommand(id, version, file?.FileName ?? string.Empty, content, measureId, note, effectiveDate), ct);
                })
            .DisableAntiforgery()
            .Doc("上传佐证材料（multipart：file、version、可选 measureId、note、effectiveDate 材料日期）：PDF、Word、Excel、图片、文本，按文件内容核验类型，记录 SHA-256")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        LimitUploadSize(upload, app.ServiceProvider.GetRequiredService<EvidenceOptions>());
        items.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new DownloadEvidenceQuery(id, evidenceId), ct);

                // Served as a download under its original name, never rendered by the browser in Ledger's origin.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["X-Content-SHA256"] = file.Sha256;
                return Results.File(file.Content, file.ContentType, file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .Doc("下载佐证材料（原文件名；响应头 X-Content-SHA256 为文件的 SHA-256）", changes: false)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        items.MapPost("/{id:guid}/evidence/{evidenceId:guid}/withdraw", (Guid id, Guid evidenceId, WithdrawEvidenceCommand c, IMediator m, CancellationToken ct) =>
                m.Send(c with { Id = id, EvidenceId = evidenceId }, ct))
            .Doc("撤回佐证材料（须说明理由；已随销号申请提交的不能撤回；文件保留）");
        items.MapGet("/{id:guid}/timeline", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetItemTimelineQuery(id), ct))
            .Doc("事项时间线：操作记录（含状态变化和审批）、进展情况、佐证材料，按时间排列", changes: false);

        items.MapPost("/{id:guid}/extension/request", (Guid id, RequestExtensionCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("延期申请：牵头部门说明理由并提出新的整改时限（同一时间只能有一项待审批，次数有上限）");
        items.MapPost("/{id:guid}/extension/decision", (Guid id, DecideExtensionCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("领导审批延期申请：批准（整改时限顺延，原时限留痕），或驳回（须说明理由）");

        items.MapPost("/{id:guid}/chase", (Guid id, ChaseItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("催办：整改办或责任领导以自己的话催办未完成的事项，责任人和牵头部门负责人即时收到，计入催办次数");
        items.MapPost("/{id:guid}/supervise", (Guid id, SuperviseItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("督办通知（整改办）：为未完成的事项编号出具督办单（公文格式 .docx），写明书面报送期限，记入事项办理记录并即时通知牵头部门，计入催办次数");
        items.MapPost("/{id:guid}/instructions", (Guid id, InstructItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("领导批示：显示在事项页顶部，牵头部门即时收到通知，已阅前列在其“我的待办”");
        items.MapPost("/{id:guid}/instructions/read", (Guid id, ReadInstructionsCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("批示已阅：牵头部门确认已阅该事项的领导批示");

        items.MapPost("/{id:guid}/start", (Guid id, StartItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("开始整改：未启动 → 整改中");
        items.MapPost("/{id:guid}/partially-done", (Guid id, MarkItemPartiallyDoneCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("阶段性完成：整改中 → 阶段性完成（须说明理由和持续推进的措施）");
        items.MapPost("/{id:guid}/completed", (Guid id, MarkItemCompletedCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("整改完成：所有措施完成后 → 已完成");
        items.MapPost("/{id:guid}/resume", (Guid id, ResumeItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("继续整改：阶段性完成或已完成 → 整改中（须说明理由）");
        items.MapPost("/{id:guid}/close-out/request", (Guid id, RequestCloseOutCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("销号申请：已完成且有佐证材料 → 申请销号");
        items.MapPost("/{id:guid}/close-out/review", (Guid id, ReviewCloseOutCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("整改办审核销号申请：通过，或退回（须说明理由，→ 整改中）");
        items.MapPost("/{id:guid}/close-out/decision", (Guid id, DecideCloseOutCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("领导审批销号：批准 → 已销号，或驳回（须说明理由，→ 整改中）");
        items.MapPost("/{id:guid}/reopen", (Guid id, ReopenItemCommand c, IMediator m, CancellationToken ct) => m.Send(c with { Id = id }, ct))
            .Doc("回头看：已销号事项重新打开（须说明理由，→ 整改中）");
    }

    /// <summary>An evidence file's download, for links on the item page; the sign-in cookie authenticates it.</summary>
    public static string EvidenceFileUrl(Guid itemId, Guid evidenceId) => $"/api/items/{itemId}/evidence/{evidenceId}";

    /// <summary>Kestrel's default request limit (30 MB) would cut uploads short of the configured evidence limit.</summary>
    private static void LimitUploadSize(RouteHandlerBuilder upload, EvidenceOptions options)
    {
        // The form's own fields and boundaries come on top of the file.
        const long FormOverhead = 1024 * 1024;
        upload.WithMetadata(new RequestSizeLimitAttribute(options.MaxBytes + FormOverhead));
        upload.WithFormOptions(multipartBodyLengthLimit: options.MaxBytes + FormOverhead);
    }

    /// <summary>The list's query string, shared by the list and its Excel export.</summary>
    internal sealed record ItemFilter(
        Guid? RoundId,
        Guid? AspectId,
        ItemStatus[]? Status,
        ItemKind? Kind,
        Guid? LeadDepartmentId,
        Guid? ResponsibleLeaderId,
        bool? Overdue,
        bool? AwaitingAcknowledgement,
        bool? MovedOutOfOverdue,
        bool? Unassigned,
        int? DueWithinDays,
        int? OverdueWorkingDaysFrom,
        int? OverdueWorkingDaysTo,
        DateOnly? ClosedOutFrom,
        DateOnly? ClosedOutTo,
        string? Keyword,
        ItemSort? Sort,
        bool? Descending,
        int? Page,
        int? PageSize)
    {
        public ListItemsQuery ToQuery() => new()
        {
            RoundId = RoundId,
            AspectId = AspectId,
            Statuses = Status,
            Kind = Kind,
            LeadDepartmentId = LeadDepartmentId,
            ResponsibleLeaderId = ResponsibleLeaderId,
            Overdue = Overdue,
            AwaitingAcknowledgement = AwaitingAcknowledgement,
            MovedOutOfOverdue = MovedOutOfOverdue,
            Unassigned = Unassigned,
            DueWithinDays = DueWithinDays,
            OverdueWorkingDaysFrom = OverdueWorkingDaysFrom,
            OverdueWorkingDaysTo = OverdueWorkingDaysTo,
            ClosedOutFrom = ClosedOutFrom,
            ClosedOutTo = ClosedOutTo,
            Keyword = Keyword,
            Sort = Sort ?? ItemSort.Number,
            Descending = Descending ?? false,
            Page = Page ?? 1,
            PageSize = PageSize ?? 50,
        };
    }
}
