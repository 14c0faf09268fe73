using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Items;

/// <summary>A leader decides the pending extension: approve (the deadline moves, the old one stays in history) or reject with a reason.</summary>
[ItemStep(ItemAction.DecideExtension, ItemRight.Approve)]
[Allowed(Roles.Leader)]
public sealed record DecideExtensionCommand(Guid Id, Guid Version, bool Approve, string? Reason) : IItemCommand, IHasReason;

internal sealed class DecideExtensionCommandValidator : ItemCommandValidator<DecideExtensionCommand>
{
    public DecideExtensionCommandValidator()
    {
        RuleFor(x => x.Reason).ReasonWhenRefused(x => !x.Approve, "驳回延期申请须填写理由。");
    }
}

internal sealed class DecideExtensionCommandHandler(ILedgerDbContext db, RequestContext context, ItemNotices notices)
    : ItemCommandHandler<DecideExtensionCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, DecideExtensionCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.DecideExtension(request.Approve, request.Reason, context.Stamp());
        return request.Approve
            ? notices.SendAsync(
                item, NoticeAudience.LeadDepartment, ReminderKind.Request, $"的延期申请已批准，整改时限调整为{ChinaCalendar.Format(item.DueDate!.Value)}", request.Reason, cancellationToken)
            : notices.SendAsync(item, NoticeAudience.LeadDepartment, ReminderKind.Request, "的延期申请被驳回", $"理由：{request.Reason}", cancellationToken);
    }
}
