using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>The office's evidence checklist: a measure that must have its own evidence before the item may be put up for 销号.</summary>
[ItemStep(ItemAction.ChangeWork, ItemRight.Manage)]
[Allowed(Roles.Office)]
public sealed record RequireMeasureEvidenceCommand(Guid Id, Guid MeasureId, Guid Version, bool Required) : IItemCommand;

internal sealed class RequireMeasureEvidenceCommandValidator : ItemCommandValidator<RequireMeasureEvidenceCommand>
{
    public RequireMeasureEvidenceCommandValidator() => RuleFor(x => x.MeasureId).RequiredId();
}

internal sealed class RequireMeasureEvidenceCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<RequireMeasureEvidenceCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, RequireMeasureEvidenceCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        if (item.Measures.All(m => m.Id != request.MeasureId))
        {
            throw new NotFoundException("整改措施");
        }

        item.RequireMeasureEvidence(request.MeasureId, request.Required, context.Stamp());
        return Task.CompletedTask;
    }
}
