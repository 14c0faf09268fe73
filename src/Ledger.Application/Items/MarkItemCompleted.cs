using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>整改中 or 阶段性完成 → 已完成, once every measure is done.</summary>
[ItemStep(ItemAction.MarkCompleted, ItemRight.LeadWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record MarkItemCompletedCommand(Guid Id, Guid Version) : IItemCommand;

internal sealed class MarkItemCompletedCommandValidator : ItemCommandValidator<MarkItemCompletedCommand>
{
}

internal sealed class MarkItemCompletedCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<MarkItemCompletedCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, MarkItemCompletedCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.MarkCompleted(context.Stamp());
        return Task.CompletedTask;
    }
}
