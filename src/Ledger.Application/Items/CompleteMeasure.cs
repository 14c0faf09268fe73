using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>Marks a measure done, on <see cref="CompletedOn"/> or today.</summary>
[ItemStep(ItemAction.ChangeWork, ItemRight.SharedWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record CompleteMeasureCommand(Guid Id, Guid MeasureId, Guid Version, DateOnly? CompletedOn = null) : IItemCommand;

internal sealed class CompleteMeasureCommandValidator : ItemCommandValidator<CompleteMeasureCommand>
{
    public CompleteMeasureCommandValidator() => RuleFor(x => x.MeasureId).RequiredId();
}

internal sealed class CompleteMeasureCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<CompleteMeasureCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, CompleteMeasureCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        if (item.Measures.All(m => m.Id != request.MeasureId))
        {
            throw new NotFoundException("整改措施");
        }

        var completedOn = request.CompletedOn ?? context.Today;
        if (completedOn > context.Today)
        {
            throw FieldValidation.Error("completedOn", "完成日期不能晚于今天。");
        }

        item.CompleteMeasure(request.MeasureId, completedOn, context.Stamp());
        return Task.CompletedTask;
    }
}
