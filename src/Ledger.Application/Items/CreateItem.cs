using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>Records a problem of a round under one of its aspects; without a number it takes the next free one.</summary>
[Allowed(Roles.Office)]
public sealed record CreateItemCommand(
    Guid RoundId, Guid AspectId, string Title, string? Description, ItemKind Kind = ItemKind.Feedback, int? Number = null)
    : ICommand<ItemState>;

internal sealed class CreateItemCommandValidator : AbstractValidator<CreateItemCommand>
{
    public CreateItemCommandValidator()
    {
        RuleFor(x => x.AspectId).RequiredId();
        RuleFor(x => x.Title).RequiredText(500);
        RuleFor(x => x.Description).OptionalText(20000);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Number).InclusiveBetween(1, RectificationItem.MaxNumber);
    }
}

internal sealed class CreateItemCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<CreateItemCommand, ItemState>
{
    public async Task<ItemState> Handle(CreateItemCommand request, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == request.RoundId)
            .Select(r => new { HasAspect = r.Aspects.Any(a => a.Id == request.AspectId) })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("巡察轮次");
        if (!round.HasAspect)
        {
            throw FieldValidation.Error("aspectId", "所选方面不属于该巡察轮次。");
        }

        var siblings = db.Items.Where(i => i.RoundId == request.RoundId && i.Kind == request.Kind);
        // Counted as a long: a number stored by an older version or a sheet can be int.MaxValue, whose successor wraps.
        var number = request.Number ?? (long)(await siblings.MaxAsync(i => (int?)i.Number, cancellationToken) ?? 0) + 1;
        if (number > RectificationItem.MaxNumber)
        {
            throw FieldValidation.Error("number", $"序号已超过{RectificationItem.MaxNumber}，请指定一个未用的序号。");
        }

        if (request.Number is not null && await siblings.AnyAsync(i => i.Number == number, cancellationToken))
        {
            throw FieldValidation.Error("number", $"该轮次已有序号为{number}的事项。");
        }

        var item = RectificationItem.Create(request.RoundId, request.AspectId, request.Kind, (int)number, request.Title, request.Description, context.Stamp());
        db.Items.Add(item);
        return ItemState.Of(item);
    }
}
