using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>未启动 → 整改中.</summary>
[ItemStep(ItemAction.Start, ItemRight.LeadWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record StartItemCommand(Guid Id, Guid Version) : IItemCommand;

internal sealed class StartItemCommandValidator : ItemCommandValidator<StartItemCommand>
{
}

internal sealed class StartItemCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<StartItemCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, StartItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.Start(context.Stamp());
        return Task.CompletedTask;
    }
}
