using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>督办通知 for one open item: a numbered 督办单 to its lead department, with the date a written reply is due.</summary>
[ItemStep(ItemAction.Supervise, ItemRight.Manage)]
[Allowed(Roles.Office)]
public sealed record SuperviseItemCommand(Guid Id, Guid Version, DateOnly ReplyBy, string? Requirement) : IItemCommand;

internal sealed class SuperviseItemCommandValidator : ItemCommandValidator<SuperviseItemCommand>
{
    public SuperviseItemCommandValidator(RequestContext context)
    {
        RuleFor(x => x.ReplyBy).Must(d => d > context.Today).WithMessage("报送期限须晚于今天。");
        RuleFor(x => x.Requirement).OptionalText();
    }
}

internal sealed class SuperviseItemCommandHandler(ILedgerDbContext db, RequestContext context, SupervisionDesk desk)
    : ItemCommandHandler<SuperviseItemCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, SuperviseItemCommand request, RequestContext context, CancellationToken cancellationToken) =>
        desk.IssueAsync([item], item.LeadDepartmentId, request.ReplyBy, request.Requirement, cancellationToken);
}
