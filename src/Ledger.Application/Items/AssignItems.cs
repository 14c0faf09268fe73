using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>An item as the user read it: the version its change is made against.</summary>
public sealed record ItemVersion(Guid Id, Guid Version);

/// <summary>
/// 批量分工: one responsible leader, lead department, responsible person or deadline for every item chosen, in one go.
/// A field left empty keeps each item's own; co-departments stay each item's (less the new lead department). All the
/// items change or none: one that changed since the user read it refuses the whole request, naming it. Each item gets
/// its own history and audit record, as if assigned alone.
/// </summary>
[Allowed(Roles.Office)]
public sealed record AssignItemsCommand(
    IReadOnlyList<ItemVersion> Items,
    Guid? ResponsibleLeaderId,
    Guid? LeadDepartmentId,
    Guid? ResponsiblePersonId,
    DateOnly? DueDate,
    bool IsLongTerm = false,
    string? Reason = null) : ICommand<IReadOnlyList<ItemState>>, IHasReason, IAuditedPerAggregate
{
    /// <summary>A round's worth and then some: a page of the ledger at its longest.</summary>
    public const int MaxItems = 200;
}

internal sealed class AssignItemsCommandValidator : AbstractValidator<AssignItemsCommand>
{
    public AssignItemsCommandValidator()
    {
        RuleFor(x => x.Items).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请选择要分工的事项。")
            .Must(items => items.All(i => i is not null)).WithMessage("所选事项须有编号和版本。")
            .Must(items => items.Count <= AssignItemsCommand.MaxItems).WithMessage($"一次最多分工{AssignItemsCommand.MaxItems}项。")
            .Must(items => items.Select(i => i.Id).Distinct().Count() == items.Count).WithMessage("所选事项有重复。");
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Id).RequiredId();
            item.RuleFor(i => i.Version).RequiredId();
        }).When(x => x.Items is not null && x.Items.All(i => i is not null));
        RuleFor(x => x.DueDate).Null().When(x => x.IsLongTerm).WithMessage("长期坚持的事项不设整改时限日期。");
        RuleFor(x => x)
            .Must(x => x.ResponsibleLeaderId is not null || x.LeadDepartmentId is not null || x.ResponsiblePersonId is not null || x.DueDate is not null || x.IsLongTerm)
            .OverridePropertyName("items").WithMessage("请至少指定责任领导、牵头部门、责任人或整改时限中的一项。");
        RuleFor(x => x.Reason).OptionalText();
    }
}

internal sealed class AssignItemsCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<AssignItemsCommand, IReadOnlyList<ItemState>>
{
    public async Task<IReadOnlyList<ItemState>> Handle(AssignItemsCommand request, CancellationToken cancellationToken)
    {
        foreach (var chosen in request.Items)
        {
            await ItemAccess.DemandAsync(db, context.User, chosen.Id, ItemRight.Manage, cancellationToken);
        }

        var ids = request.Items.Select(i => i.Id).ToList();
        var items = await db.Items.ForUpdate().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        var read = request.Items.ToDictionary(i => i.Id, i => i.Version);
        var changed = items.Where(i => i.Version != read[i.Id]).OrderBy(i => i.Kind).ThenBy(i => i.Number).ToList();
        if (changed.Count > 0)
        {
            throw new ConcurrencyConflictException(
                $"{string.Join("、", changed.Select(i => $"第{i.Number}项“{i.Title}”"))}已被他人修改，本次分工未保存任何事项；请刷新后重新选择。",
                [.. changed.Select(i => i.Id)]);
        }

        var (leader, lead, person) = await AssignmentReferences.ResolveAsync(db, request.ResponsibleLeaderId, request.LeadDepartmentId, request.ResponsiblePersonId, cancellationToken);
        var setsDeadline = request.DueDate is not null || request.IsLongTerm;
        var deadline = Deadline.From(request.DueDate, request.IsLongTerm);
        if (setsDeadline)
        {
            AssignmentReferences.DemandReasonForMoves(items, deadline, request.Reason);
        }

        var names = await NamesAsync(items, cancellationToken);
        var stamp = context.Stamp();
        foreach (var item in items.OrderBy(i => i.Kind).ThenBy(i => i.Number))
        {
            var newLead = lead ?? names.Department(item.LeadDepartmentId);
            var co = item.CoDepartments.Where(c => c.DepartmentId != newLead?.Id).Select(c => names.Department(c.DepartmentId)!).ToList();
            var assignment = new Assignment(
                leader ?? names.Person(item.ResponsibleLeaderId),
                newLead,
                co,
                person ?? names.Person(item.ResponsiblePersonId));
            item.Assign(assignment, setsDeadline ? deadline : item.Deadline, request.Reason, stamp);
        }

        return [.. ids.Select(id => ItemState.Of(items.Single(i => i.Id == id)))];
    }

    /// <summary>The names of the departments and people the items keep, for the history's description of the new assignment.</summary>
    private async Task<Names> NamesAsync(List<RectificationItem> items, CancellationToken cancellationToken)
    {
        var departmentIds = items.SelectMany(i => i.CoDepartments.Select(c => (Guid?)c.DepartmentId).Append(i.LeadDepartmentId)).OfType<Guid>().Distinct().ToList();
        var personIds = items.SelectMany(i => new[] { i.ResponsibleLeaderId, i.ResponsiblePersonId }).OfType<Guid>().Distinct().ToList();
        return new Names(
            await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken),
            await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken));
    }

    private sealed record Names(Dictionary<Guid, string> Departments, Dictionary<Guid, string> People)
    {
        public Assignee? Department(Guid? id) => id is { } d ? new Assignee(d, Departments.GetValueOrDefault(d, string.Empty)) : null;

        public Assignee? Person(Guid? id) => id is { } p ? new Assignee(p, People.GetValueOrDefault(p, string.Empty)) : null;
    }
}
