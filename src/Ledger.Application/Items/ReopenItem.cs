using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>回头看: 已销号 → 整改中 when the problem came back.</summary>
[ItemStep(ItemAction.Reopen, ItemRight.Manage)]
[Allowed(Roles.Office)]
public sealed record ReopenItemCommand(Guid Id, Guid Version, string Reason) : IItemCommand, IHasReason;

internal sealed class ReopenItemCommandValidator : ItemCommandValidator<ReopenItemCommand>
{
    public ReopenItemCommandValidator()
    {
        RuleFor(x => x.Reason).RequiredText(CommonRules.LongText);
    }
}

internal sealed class ReopenItemCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<ReopenItemCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, ReopenItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.Reopen(request.Reason, context.Stamp());
        return Task.CompletedTask;
    }
}
