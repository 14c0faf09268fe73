using Ledger.Application.Notifications;
using Ledger.Application.Reminders;
using Ledger.Application.Settings;
using Ledger.Domain.Reminders;
using Ledger.Web.Http;
using MediatR;

namespace Ledger.Web.Endpoints;

internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/notifications").WithTags("通知");
        inbox.MapGet("/", (bool? unreadOnly, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new ListMyNotificationsQuery(unreadOnly ?? false, page ?? 1, pageSize ?? 20), ct))
            .Doc("我的通知（催办提醒），最新在前；unreadOnly=true 只看未读", changes: false, hasTarget: false);
        inbox.MapGet("/unread-count", (IMediator m, CancellationToken ct) => m.Send(new GetUnreadNotificationCountQuery(), ct))
            .Doc("未读通知数", changes: false, hasTarget: false);
        inbox.MapPost("/{id:guid}/read", (Guid id, IMediator m, CancellationToken ct) => m.Send(new MarkNotificationReadCommand(id), ct))
            .Doc("标为已读；返回剩余未读数");
        inbox.MapPost("/read-all", (IMediator m, CancellationToken ct) => m.Send(new MarkAllNotificationsReadCommand(), ct))
            .Doc("全部标为已读", hasTarget: false);

        var mine = app.MapGroup("/api/me/notification-settings").WithTags("通知");
        mine.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new GetMyNotificationSettingsQuery(), ct))
            .Doc("我的通知设置：邮箱和是否接收邮件提醒（每天至多一封汇总邮件）", changes: false, hasTarget: false);
        mine.MapPut("/", (UpdateMyNotificationSettingsCommand c, IMediator m, CancellationToken ct) => m.Send(c, ct))
            .Doc("修改我的通知设置", hasTarget: false);

        var reminders = app.MapGroup("/api/reminders").WithTags("催办提醒");
        reminders.MapGet("/settings", (IMediator m, CancellationToken ct) => m.Send(new GetReminderSettingsQuery(), ct))
            .Doc("提醒设置：提前提醒的工作日、超期督办链条（责任人 → 责任领导 → 主要负责人）、每周提醒日", changes: false, hasTarget: false);
        reminders.MapPut("/settings", (UpdateReminderSettingsCommand c, IMediator m, CancellationToken ct) => m.Send(c, ct))
            .Doc("修改提醒设置（整改办）", hasTarget: false);
        reminders.MapPost("/scan", (DateOnly? day, ReminderScan scan, CancellationToken ct) => scan.RunAsync(day, ct))
            .Doc("立即执行到期扫描（系统管理员；平时每天 08:30 自动执行）；同一天重复执行不会重复提醒", hasTarget: false);
        reminders.MapGet("/warnings", (IMediator m, CancellationToken ct) => m.Send(new GetReminderWarningsQuery(), ct))
            .Doc("提醒的隐患（系统管理员、整改办）：工作日历缺少的年份，以及提醒无人接收的事项数", changes: false, hasTarget: false);
        var supervision = app.MapGroup("/api/supervision-notices").WithTags("催办提醒");
        supervision.MapPost("/", (SuperviseDepartmentCommand c, IMediator m, CancellationToken ct) => m.Send(c, ct))
            .Doc("部门督办通知（整改办）：为一个部门牵头的全部超期事项编号出具一份督办单，超期最久的在前", hasTarget: false);
        supervision.MapGet("/{id:guid}/docx", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetSupervisionNoticeFileQuery(id), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .Doc("下载督办单（.docx，公文格式），内容与出具时一致", changes: false)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        reminders.MapPost("/dispatch", (IMediator m, CancellationToken ct) => m.Send(new DeliverNotificationsCommand(), ct))
            .Doc("立即投递待发通知到站内信箱（系统管理员；平时每分钟自动执行）", hasTarget: false);
        reminders.MapGet("/email", (EmailDigestState? state, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new ListEmailDeliveriesQuery(state, page ?? 1, pageSize ?? 50), ct))
            .Doc("邮件发送情况（系统管理员）：发送失败的排在最前", changes: false, hasTarget: false);
        reminders.MapPost("/email/{id:guid}/retry", (Guid id, IMediator m, CancellationToken ct) => m.Send(new RetryEmailDeliveryCommand(id), ct))
            .Doc("重新发送失败的邮件（系统管理员）");
    }
}
