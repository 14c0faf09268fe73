using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Organisation;

/// <summary>Resolves the departments and people a request names; a missing or deactivated one is a field error.</summary>
internal static class References
{
    public static async Task<Assignee?> DepartmentAsync(ILedgerDbContext db, Guid? id, string field, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return null;
        }

        var found = await db.Departments.AsNoTracking()
            .Where(d => d.Id == id && d.IsActive)
            .Select(d => new Assignee(d.Id, d.Name))
            .SingleOrDefaultAsync(cancellationToken);
        return found ?? throw FieldValidation.Error(field, "所选部门不存在或已停用。");
    }

    public static async Task<Assignee?> PersonAsync(
        ILedgerDbContext db, Guid? id, string field, bool mustBeLeader, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return null;
        }

        var found = await db.People.AsNoTracking()
            .Where(p => p.Id == id && p.IsActive)
            .Select(p => new { p.Id, p.Name, p.IsLeader })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw FieldValidation.Error(field, "所选人员不存在或已停用。");
        if (mustBeLeader && !found.IsLeader)
        {
            throw FieldValidation.Error(field, $"{found.Name}不是班子成员，不能担任责任领导。");
        }

        return new Assignee(found.Id, found.Name);
    }
}
