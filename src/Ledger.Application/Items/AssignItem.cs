using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Organisation;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>
/// 责任分工: names the responsible leader, lead department, co-departments and responsible person, and sets
/// the deadline (a date, or <see cref="IsLongTerm"/> for 长期坚持). Moving a deadline already set needs
/// <see cref="Reason"/>; the item keeps its 原定时限 and counts the move.
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
    bool IsLongTerm = false,
    string? Reason = null) : IItemCommand, IHasReason;

internal sealed class AssignItemCommandValidator : ItemCommandValidator<AssignItemCommand>
{
    public AssignItemCommandValidator()
    {
        RuleFor(x => x.DueDate).Null().When(x => x.IsLongTerm).WithMessage("长期坚持的事项不设整改时限日期。");
        RuleFor(x => x.CoDepartmentIds)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("配合部门不能重复。")
            .Must((command, ids) => ids is null || command.LeadDepartmentId is null || !ids.Contains(command.LeadDepartmentId.Value))
            .WithMessage("牵头部门不能同时作为配合部门。");
        RuleFor(x => x.Reason).OptionalText();
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

        var (leader, lead, person) = await AssignmentReferences.ResolveAsync(Db, request.ResponsibleLeaderId, request.LeadDepartmentId, request.ResponsiblePersonId, cancellationToken);
        var deadline = Deadline.From(request.DueDate, request.IsLongTerm);
        AssignmentReferences.DemandReasonForMoves([item], deadline, request.Reason);
        item.Assign(new Assignment(leader, lead, coDepartments, person), deadline, request.Reason, context.Stamp());
    }
}

/// <summary>What 责任分工 of one item and of many share: the people and department named, and the reason a moved deadline needs.</summary>
internal static class AssignmentReferences
{
    public static async Task<(Assignee? Leader, Assignee? Lead, Assignee? Person)> ResolveAsync(
        ILedgerDbContext db, Guid? leaderId, Guid? leadDepartmentId, Guid? personId, CancellationToken cancellationToken) =>
        (await References.PersonAsync(db, leaderId, "responsibleLeaderId", mustBeLeader: true, cancellationToken),
         await References.DepartmentAsync(db, leadDepartmentId, "leadDepartmentId", cancellationToken),
         await References.PersonAsync(db, personId, "responsiblePersonId", mustBeLeader: false, cancellationToken));

    /// <summary>
    /// A moved deadline without a reason is a field error before anything changes, naming the items whose deadline would
    /// move; the domain refuses it as well (<see cref="RectificationItem.MovesDeadline"/>).
    /// </summary>
    public static void DemandReasonForMoves(IEnumerable<RectificationItem> items, Deadline deadline, string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason))
        {
            return;
        }

        var moved = items.Where(i => i.MovesDeadline(deadline)).ToList();
        if (moved.Count > 0)
        {
            throw FieldValidation.Error("reason", $"调整整改时限须填写理由（{string.Join("、", moved.Select(i => $"第{i.Number}项原定{i.Deadline}"))}）。");
        }
    }
}
