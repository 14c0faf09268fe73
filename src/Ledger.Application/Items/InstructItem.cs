using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;

namespace Ledger.Application.Items;

/// <summary>
/// 领导批示: a leader's instruction on an item, shown at the top of its page and in the lead department's 我的待办 until
/// they mark it 已阅; the lead department is told at once.
/// </summary>
[ItemStep(ItemAction.Instruct, ItemRight.Instruct)]
[Allowed(Roles.Leader)]
public sealed record InstructItemCommand(Guid Id, Guid Version, string Text) : IItemCommand;

internal sealed class InstructItemCommandValidator : ItemCommandValidator<InstructItemCommand>
{
    public InstructItemCommandValidator()
    {
        RuleFor(x => x.Text).RequiredText(CommonRules.LongText);
    }
}

internal sealed class InstructItemCommandHandler(ILedgerDbContext db, RequestContext context, ItemNotices notices)
    : ItemCommandHandler<InstructItemCommand>(db, context)
{
    protected override Task ApplyAsync(RectificationItem item, InstructItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        var instruction = item.Instruct(request.Text, context.Stamp());
        return notices.SendAsync(
            item, NoticeAudience.LeadDepartment, ReminderKind.Instruction, "有新的领导批示，请阅办", $"{instruction.GivenBy}批示：{instruction.Text}", cancellationToken);
    }
}
