using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Application.Settings;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Items;

/// <summary>延期申请: the lead department asks for a later deadline with a reason; the office's maximum applies.</summary>
[ItemStep(ItemAction.RequestExtension, ItemRight.LeadWork)]
[Allowed(Roles.Office, Roles.DepartmentHead)]
public sealed record RequestExtensionCommand(Guid Id, Guid Version, DateOnly NewDueDate, string Reason) : IItemCommand, IHasReason;

internal sealed class RequestExtensionCommandValidator : ItemCommandValidator<RequestExtensionCommand>
{
    public RequestExtensionCommandValidator()
    {
        RuleFor(x => x.NewDueDate).NotEmpty().WithMessage("请填写申请延期至的日期。");
        RuleFor(x => x.Reason).RequiredText(CommonRules.LongText);
    }
}

internal sealed class RequestExtensionCommandHandler(ILedgerDbContext db, RequestContext context, ItemNotices notices)
    : ItemCommandHandler<RequestExtensionCommand>(db, context)
{
    protected override async Task ApplyAsync(RectificationItem item, RequestExtensionCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        var settings = await Db.CurrentWorkflowSettingsAsync(cancellationToken);
        item.RequestExtension(request.NewDueDate, request.Reason, settings.MaxExtensions, context.Stamp());
        await notices.SendAsync(
            item, NoticeAudience.Approvers, ReminderKind.Request, $"申请延期至{ChinaCalendar.Format(request.NewDueDate)}，请审批", $"理由：{request.Reason}", cancellationToken);
    }
}
