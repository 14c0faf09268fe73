using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Organisation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>Adds a 整改措施 with its own lead department and due date; the item completes only when all its measures have.</summary>
[ItemStep(ItemAction.ChangeWork, ItemRight.SharedWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record AddMeasureCommand(Guid Id, Guid Version, string Text, Guid? LeadDepartmentId, DateOnly? DueDate) : IItemCommand;

internal sealed class AddMeasureCommandValidator : ItemCommandValidator<AddMeasureCommand>
{
    public AddMeasureCommandValidator() => RuleFor(x => x.Text).RequiredText(CommonRules.LongText);
}

internal sealed class AddMeasureCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<AddMeasureCommand>(db, context)
{
    protected override async Task ApplyAsync(RectificationItem item, AddMeasureCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        await References.DepartmentAsync(Db, request.LeadDepartmentId, "leadDepartmentId", cancellationToken);
        item.AddMeasure(request.Text, request.LeadDepartmentId, request.DueDate, context.Stamp());
    }
}
