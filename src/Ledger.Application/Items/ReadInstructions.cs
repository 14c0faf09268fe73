using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>批示已阅: the lead department has read the leaders' instructions on the item; they leave its 我的待办.</summary>
[ItemStep(ItemAction.ReadInstructions, ItemRight.LeadWork)]
[Allowed(Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record ReadInstructionsCommand(Guid Id, Guid Version) : IItemCommand;

internal sealed class ReadInstructionsCommandValidator : ItemCommandValidator<ReadInstructionsCommand>
{
}

internal sealed class ReadInstructionsCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<ReadInstructionsCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, ReadInstructionsCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.ReadInstructions(context.Stamp());
        return Task.CompletedTask;
    }
}
