using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>
/// 签收: the lead department takes on the assigned item; until then the office sees it as 未签收. With
/// <see cref="Start"/>, an item not yet started goes to 整改中 in the same step (签收并开始整改).
/// </summary>
[ItemStep(ItemAction.Acknowledge, ItemRight.LeadWork)]
[Allowed(Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record AcknowledgeItemCommand(Guid Id, Guid Version, bool Start = false) : IItemCommand;

internal sealed class AcknowledgeItemCommandValidator : ItemCommandValidator<AcknowledgeItemCommand>
{
}

internal sealed class AcknowledgeItemCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<AcknowledgeItemCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, AcknowledgeItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        item.Acknowledge(stamp);
        if (request.Start && item.Status == ItemStatus.NotStarted)
        {
            item.Start(stamp);
        }

        return Task.CompletedTask;
    }
}
