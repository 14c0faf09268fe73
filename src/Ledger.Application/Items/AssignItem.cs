using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Organisation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>
/// 责任分工: names the responsible leader, lead department, co-departments and responsible person, and sets
/// the deadline (a date, or <see cref="IsLongTerm"/> for 长期坚持). A changed deadline keeps the old one in history.
/// </summary>
[ItemStep(ItemAction.ChangeWork, ItemRight.Manage)]
[Allowed(Roles.Office)]
public sealed record AssignItemCommand(
    Guid Id,
    Guid Version,
    Guid? ResponsibleLeaderId,
    Guid? LeadDepartmentId,
    IReadOnlyList<Guid>? CoDepartmentIds,
    Guid? ResponsiblePersonId,
    DateOnly? DueDate,
    bool IsLongTerm = false) : IItemCommand;

internal sealed class AssignItemCommandValidator : ItemCommandValidator<AssignItemCommand>
{
    public AssignItemCommandValidator()
    {
        RuleFor(x => x.DueDate).Null().When(x => x.IsLongTerm).WithMessage("长期坚持的事项不设整改时限日期。");
        RuleFor(x => x.CoDepartmentIds)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("配合部门不能重复。")
            .Must((command, ids) => ids is null || command.LeadDepartmentId is null || !ids.Contains(command.LeadDepartmentId.Value))
            .WithMessage("牵头部门不能同时作为配合部门。");
    }
}

internal sealed class AssignItemCommandHandler(ILedgerDbContext db, RequestContext context) : ItemCommandHandler<AssignItemCommand>(db, context)
{
    protected override async Task ApplyAsync(RectificationItem item, AssignItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        var coDepartments = new List<Assignee>();
        foreach (var (id, index) in (request.CoDepartmentIds ?? []).Select((id, index) => (id, index)))
        {
            coDepartments.Add((await References.DepartmentAsync(Db, id, $"coDepartmentIds[{index}]", cancellationToken))!);
        }

        var assignment = new Assignment(
            await References.PersonAsync(Db, request.ResponsibleLeaderId, "responsibleLeaderId", mustBeLeader: true, cancellationToken),
            await References.DepartmentAsync(Db, request.LeadDepartmentId, "leadDepartmentId", cancellationToken),
            coDepartments,
            await References.PersonAsync(Db, request.ResponsiblePersonId, "responsiblePersonId", mustBeLeader: false, cancellationToken));
        item.Assign(assignment, Deadline.From(request.DueDate, request.IsLongTerm), context.Stamp());
    }
}
