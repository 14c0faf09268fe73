using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Items;

/// <summary>审批 by a leader after the review: approve (→ 已销号) or reject with a reason (→ 整改中).</summary>
[ItemStep(ItemAction.DecideCloseOut, ItemRight.Approve)]
[Allowed(Roles.Leader)]
public sealed record DecideCloseOutCommand(Guid Id, Guid Version, bool Approve, string? Reason) : IItemCommand, IHasReason;

internal sealed class DecideCloseOutCommandValidator : ItemCommandValidator<DecideCloseOutCommand>
{
    public DecideCloseOutCommandValidator()
    {
        RuleFor(x => x.Reason).ReasonWhenRefused(x => !x.Approve, "驳回销号申请须填写理由。");
    }
}

internal sealed class DecideCloseOutCommandHandler(ILedgerDbContext db, RequestContext context, ItemNotices notices)
    : ItemCommandHandler<DecideCloseOutCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, DecideCloseOutCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.DecideCloseOut(request.Approve, request.Reason, context.Stamp());
        return request.Approve
            ? notices.SendAsync(item, NoticeAudience.LeadDepartment, ReminderKind.Request, "已批准销号", request.Reason, cancellationToken)
            : notices.SendAsync(item, NoticeAudience.LeadDepartment, ReminderKind.Request, "的销号申请被驳回", $"理由：{request.Reason}", cancellationToken);
    }
}
