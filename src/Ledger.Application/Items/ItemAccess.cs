using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Settings;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>Which part of an item's work a command is, deciding who in its scope may do it.</summary>
public enum ItemRight
{
    /// <summary>Entering and organising the ledger: the office only.</summary>
    Manage,

    /// <summary>The lead department's steps: 签收, status changes, the close-out and extension requests.</summary>
    LeadWork,

    /// <summary>Work lead and co-departments share: progress, measures, evidence.</summary>
    SharedWork,

    /// <summary>A leader's sign-off: the item's 责任领导.</summary>
    Approve,

    /// <summary>Chasing the item by hand (催办): the office, or the item's 责任领导.</summary>
    Supervise,

    /// <summary>A 领导批示: any leader.</summary>
    Instruct,
}

/// <summary>
/// Scope, enforced here for every request whatever the client: department users see items whose lead or co-department
/// is theirs, everyone else sees all. Outside scope an item does not exist (404); in scope, a step the user may not take
/// is refused (403). Roles are checked before this, by <see cref="AllowedAttribute"/>.
/// </summary>
internal static class ItemAccess
{
    public static IQueryable<RectificationItem> VisibleTo(this IQueryable<RectificationItem> items, ICurrentUser user)
    {
        if (user.IsSystem || user.IsIn(Roles.Office, Roles.Leader, Roles.Supervisor, Roles.Admin))
        {
            return items;
        }

        var department = user.IsIn(Roles.Department) ? user.DepartmentId : null;
        return department is { } id
            ? items.Where(i => i.LeadDepartmentId == id || i.CoDepartments.Any(c => c.DepartmentId == id))
            : items.Where(i => false);
    }

    /// <exception cref="NotFoundException">The item does not exist or is outside the user's scope.</exception>
    /// <exception cref="ForbiddenException">The user sees the item but may not do this to it.</exception>
    public static async Task DemandAsync(ILedgerDbContext db, ICurrentUser user, Guid itemId, ItemRight right, CancellationToken cancellationToken)
    {
        var parties = await db.Items.AsNoTracking().VisibleTo(user).Where(i => i.Id == itemId)
            .Select(i => new ItemParties(i.LeadDepartmentId, i.ResponsibleLeaderId, i.CoDepartments.Select(c => c.DepartmentId).ToList()))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(ItemLoading.What);
        var allLeadersApprove = right == ItemRight.Approve && (await db.CurrentWorkflowSettingsAsync(cancellationToken)).AllLeadersApprove;
        if (!Can(user, parties, right, allLeadersApprove))
        {
            throw new ForbiddenException(right switch
            {
                ItemRight.Approve => "只有该事项的责任领导可以审批。",
                ItemRight.LeadWork => "只有牵头部门可以办理这一步。",
                ItemRight.Supervise => "只有整改办和该事项的责任领导可以催办。",
                ItemRight.Instruct => "只有领导可以作出批示。",
                ItemRight.SharedWork => "只有牵头部门和配合部门可以办理这一步。",
                _ => "只有整改办可以办理这一步。",
            });
        }
    }

    /// <summary>Whether a user in whose scope the item is has this right to it; roles are the <see cref="AllowedAttribute"/>'s concern.</summary>
    public static bool Can(ICurrentUser user, ItemParties item, ItemRight right, bool allLeadersApprove)
    {
        var department = user.IsIn(Roles.Department) ? user.DepartmentId : null;
        return user.IsSystem || right switch
        {
            ItemRight.Approve => user.IsIn(Roles.Leader)
                && (allLeadersApprove || (user.PersonId is not null && item.ResponsibleLeaderId == user.PersonId)),
            ItemRight.Instruct => user.IsIn(Roles.Leader),
            _ when user.IsIn(Roles.Office) => true,
            ItemRight.Supervise => user.IsIn(Roles.Leader) && user.PersonId is not null && item.ResponsibleLeaderId == user.PersonId,
            ItemRight.LeadWork => department is not null && item.LeadDepartmentId == department,
            ItemRight.SharedWork => department is not null && (item.LeadDepartmentId == department || item.CoDepartmentIds.Contains(department.Value)),
            _ => false,
        };
    }
}

/// <summary>Who an item belongs to, as far as scope is concerned.</summary>
public sealed record ItemParties(Guid? LeadDepartmentId, Guid? ResponsibleLeaderId, IReadOnlyList<Guid> CoDepartmentIds);

/// <summary>
/// Names the lifecycle step an item command takes and the right it needs: the one place both the command's handler
/// and the item's list of available actions read, so the screen never offers what the server would refuse.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ItemStepAttribute(ItemAction action, ItemRight right) : Attribute
{
    public ItemAction Action { get; } = action;

    public ItemRight Right { get; } = right;
}
