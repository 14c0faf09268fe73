using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>阶段性完成 or 已完成 → 整改中: the work is not finished after all.</summary>
[ItemStep(ItemAction.Resume, ItemRight.LeadWork)]
[Allowed(Roles.Office, Roles.DepartmentHead, Roles.DepartmentStaff)]
public sealed record ResumeItemCommand(Guid Id, Guid Version, string Reason) : IItemCommand, IHasReason;

internal sealed class ResumeItemCommandValidator : ItemCommandValidator<ResumeItemCommand>
{
    public ResumeItemCommandValidator()
    {
        RuleFor(x => x.Reason).RequiredText(CommonRules.LongText);
    }
}

internal sealed class ResumeItemCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<ResumeItemCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, ResumeItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.Resume(request.Reason, context.Stamp());
        return Task.CompletedTask;
    }
}
