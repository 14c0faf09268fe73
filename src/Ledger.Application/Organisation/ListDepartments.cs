using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Organisation;

[Allowed(Roles.Anyone)]
public sealed record ListDepartmentsQuery(bool IncludeInactive = false) : IQuery<IReadOnlyList<DepartmentDto>>;

internal sealed class ListDepartmentsQueryHandler(ILedgerDbContext db) : IRequestHandler<ListDepartmentsQuery, IReadOnlyList<DepartmentDto>>
{
    public async Task<IReadOnlyList<DepartmentDto>> Handle(ListDepartmentsQuery request, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => request.IncludeInactive || d.IsActive)
            .Select(d => new DepartmentDto(d.Id, d.Name, d.IsActive, d.Version))
            .ToListAsync(cancellationToken);
        return [.. departments.OrderBy(d => d.Name, ChineseOrder.Names)];
    }
}
