using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>撤回佐证材料 before a close-out request relied on it: recorded with the reason, the file kept.</summary>
[ItemStep(ItemAction.WithdrawEvidence, ItemRight.SharedWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record WithdrawEvidenceCommand(Guid Id, Guid EvidenceId, Guid Version, string Reason) : IItemCommand, IHasReason;

internal sealed class WithdrawEvidenceCommandValidator : ItemCommandValidator<WithdrawEvidenceCommand>
{
    public WithdrawEvidenceCommandValidator()
    {
        RuleFor(x => x.EvidenceId).RequiredId();
        RuleFor(x => x.Reason).RequiredText(CommonRules.LongText);
    }
}

internal sealed class WithdrawEvidenceCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<WithdrawEvidenceCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, WithdrawEvidenceCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        if (item.Evidence.All(e => e.Id != request.EvidenceId))
        {
            throw new NotFoundException("佐证材料");
        }

        item.WithdrawEvidence(request.EvidenceId, request.Reason, context.Stamp());
        return Task.CompletedTask;
    }
}
