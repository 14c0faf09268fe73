using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>整改中 → 阶段性完成; the reason names the long-term measures that continue.</summary>
[ItemStep(ItemAction.MarkPartiallyDone, ItemRight.LeadWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record MarkItemPartiallyDoneCommand(Guid Id, Guid Version, string Reason) : IItemCommand, IHasReason;

internal sealed class MarkItemPartiallyDoneCommandValidator : ItemCommandValidator<MarkItemPartiallyDoneCommand>
{
    public MarkItemPartiallyDoneCommandValidator()
    {
        RuleFor(x => x.Reason).RequiredText(CommonRules.LongText);
    }
}

internal sealed class MarkItemPartiallyDoneCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<MarkItemPartiallyDoneCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, MarkItemPartiallyDoneCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.MarkPartiallyDone(request.Reason, context.Stamp());
        return Task.CompletedTask;
    }
}
