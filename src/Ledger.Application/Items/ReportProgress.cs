using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;
using MediatR;

namespace Ledger.Application.Items;

/// <summary>
/// 进展情况: the department's dated note (本期进展, 下一步, 存在问题). An append, so it needs no version:
/// two reports at once both land.
/// </summary>
[ItemStep(ItemAction.ReportProgress, ItemRight.SharedWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record ReportProgressCommand(Guid Id, string Progress, string? NextSteps, string? Problems, DateOnly? ReportDate = null)
    : ICommand<ItemState>;

internal sealed class ReportProgressCommandValidator : AbstractValidator<ReportProgressCommand>
{
    public ReportProgressCommandValidator()
    {
        RuleFor(x => x.Progress).RequiredText(CommonRules.LongText);
        RuleFor(x => x.NextSteps).OptionalText();
        RuleFor(x => x.Problems).OptionalText();
    }
}

internal sealed class ReportProgressCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<ReportProgressCommand, ItemState>
{
    public async Task<ItemState> Handle(ReportProgressCommand request, CancellationToken cancellationToken)
    {
        var reportDate = request.ReportDate ?? context.Today;
        if (reportDate > context.Today)
        {
            throw FieldValidation.Error("reportDate", "报送日期不能晚于今天。");
        }

        await ItemAccess.DemandAsync(db, context.User, request.Id, ItemSteps.Of(typeof(ReportProgressCommand)).Right, cancellationToken);
        var item = await db.Items.LoadForUpdateAsync(request.Id, null, ItemLoading.What, cancellationToken);
        item.ReportProgress(reportDate, request.Progress, request.NextSteps, request.Problems, context.Stamp());
        return ItemState.Of(item);
    }
}
