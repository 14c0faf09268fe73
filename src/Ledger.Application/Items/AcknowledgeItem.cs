using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>签收: the lead department takes on the assigned item; until then the office sees it as 未签收.</summary>
[ItemStep(ItemAction.Acknowledge, ItemRight.LeadWork)]
[Allowed(Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record AcknowledgeItemCommand(Guid Id, Guid Version) : IItemCommand;

internal sealed class AcknowledgeItemCommandValidator : ItemCommandValidator<AcknowledgeItemCommand>
{
}

internal sealed class AcknowledgeItemCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<AcknowledgeItemCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, AcknowledgeItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.Acknowledge(context.Stamp());
        return Task.CompletedTask;
    }
}
