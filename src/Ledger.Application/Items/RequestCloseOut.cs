using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Items;

/// <summary>销号申请: 已完成 → 销号申请中, with at least one piece of evidence and a summary of what was done.</summary>
[ItemStep(ItemAction.RequestCloseOut, ItemRight.LeadWork)]
[Allowed(Roles.Office, Roles.DepartmentHead)]
public sealed record RequestCloseOutCommand(Guid Id, Guid Version, string Summary) : IItemCommand;

internal sealed class RequestCloseOutCommandValidator : ItemCommandValidator<RequestCloseOutCommand>
{
    public RequestCloseOutCommandValidator()
    {
        RuleFor(x => x.Summary).RequiredText(CommonRules.LongText);
    }
}

internal sealed class RequestCloseOutCommandHandler(ILedgerDbContext db, RequestContext context, ItemNotices notices)
    : ItemCommandHandler<RequestCloseOutCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, RequestCloseOutCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        item.RequestCloseOut(request.Summary, context.Stamp());
        return notices.SendAsync(item, NoticeAudience.Office, ReminderKind.Request, "申请销号，请审核", $"整改情况：{request.Summary}", cancellationToken);
    }
}
