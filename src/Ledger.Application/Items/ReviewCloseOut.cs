using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Items;

/// <summary>审核 by the office: pass (on to a leader) or return with a reason (→ 整改中).</summary>
[ItemStep(ItemAction.ReviewCloseOut, ItemRight.Manage)]
[Allowed(Roles.Office)]
public sealed record ReviewCloseOutCommand(Guid Id, Guid Version, bool Pass, string? Reason) : IItemCommand, IHasReason;

internal sealed class ReviewCloseOutCommandValidator : ItemCommandValidator<ReviewCloseOutCommand>
{
    public ReviewCloseOutCommandValidator()
    {
        RuleFor(x => x.Reason).ReasonWhenRefused(x => !x.Pass, "退回销号申请须填写理由。");
    }
}

internal sealed class ReviewCloseOutCommandHandler(ILedgerDbContext db, RequestContext context, ItemNotices notices)
    : ItemCommandHandler<ReviewCloseOutCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, ReviewCloseOutCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.ReviewCloseOut(request.Pass, request.Reason, context.Stamp());
        return request.Pass
            ? notices.SendAsync(item, NoticeAudience.Approvers, ReminderKind.Request, "的销号申请已经整改办审核通过，请审批", request.Reason, cancellationToken)
            : notices.SendAsync(item, NoticeAudience.LeadDepartment, ReminderKind.Request, "的销号申请被整改办退回", $"理由：{request.Reason}", cancellationToken);
    }
}
