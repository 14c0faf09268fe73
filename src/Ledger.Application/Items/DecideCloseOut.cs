using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;

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

internal sealed class DecideCloseOutCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<DecideCloseOutCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, DecideCloseOutCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.DecideCloseOut(request.Approve, request.Reason, context.Stamp());
        return Task.CompletedTask;
    }
}
