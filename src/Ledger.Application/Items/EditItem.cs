using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>Corrects a problem's wording or moves it to another aspect of the same round.</summary>
[ItemStep(ItemAction.ChangeWork, ItemRight.Manage)]
[Allowed(Roles.Office)]
public sealed record EditItemCommand(Guid Id, Guid Version, Guid AspectId, string Title, string? Description) : IItemCommand;

internal sealed class EditItemCommandValidator : ItemCommandValidator<EditItemCommand>
{
    public EditItemCommandValidator()
    {
        RuleFor(x => x.AspectId).RequiredId();
        RuleFor(x => x.Title).RequiredText(500);
        RuleFor(x => x.Description).OptionalText(20000);
    }
}

internal sealed class EditItemCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<EditItemCommand>(db, context)
{
    protected override async Task ApplyAsync(RectificationItem item, EditItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        var roundId = item.RoundId;
        if (!await Db.Rounds.AnyAsync(r => r.Id == roundId && r.Aspects.Any(a => a.Id == request.AspectId), cancellationToken))
        {
            throw FieldValidation.Error("aspectId", "所选方面不属于该巡察轮次。");
        }

        item.Edit(request.AspectId, request.Title, request.Description, context.Stamp());
    }
}
