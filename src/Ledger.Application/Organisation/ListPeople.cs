using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Organisation;

[Allowed(Roles.Anyone)]
public sealed record ListPeopleQuery(Guid? DepartmentId = null, bool LeadersOnly = false, bool IncludeInactive = false)
    : IQuery<IReadOnlyList<PersonDto>>;

internal sealed class ListPeopleQueryHandler(ILedgerDbContext db) : IRequestHandler<ListPeopleQuery, IReadOnlyList<PersonDto>>
{
    public async Task<IReadOnlyList<PersonDto>> Handle(ListPeopleQuery request, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking().Where(p => request.IncludeInactive || p.IsActive);
        if (request.DepartmentId is { } departmentId)
        {
            people = people.Where(p => p.DepartmentId == departmentId);
        }

        if (request.LeadersOnly)
        {
            people = people.Where(p => p.IsLeader);
        }

        var rows = await people
            .Select(p => new PersonDto(
                p.Id,
                p.Name,
                p.Position,
                p.DepartmentId,
                db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                p.IsLeader,
                p.IsActive,
                p.Version))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(p => p.IsLeader).ThenBy(p => p.Name, ChineseOrder.Names)];
    }
}
