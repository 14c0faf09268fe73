using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;

namespace Ledger.Application.Organisation;

/// <summary>Deactivates a department (it stays on the items it was assigned to) or brings it back.</summary>
[Allowed(Roles.Admin, Roles.Office)]
public sealed record SetDepartmentActiveCommand(Guid Id, Guid Version, bool IsActive) : ICommand<Saved>;

internal sealed class SetDepartmentActiveCommandValidator : AbstractValidator<SetDepartmentActiveCommand>
{
    public SetDepartmentActiveCommandValidator() => RuleFor(x => x.Version).RequiredId();
}

internal sealed class SetDepartmentActiveCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<SetDepartmentActiveCommand, Saved>
{
    public async Task<Saved> Handle(SetDepartmentActiveCommand request, CancellationToken cancellationToken)
    {
        var department = await db.Departments.LoadForUpdateAsync(request.Id, request.Version, "部门", cancellationToken);
        department.SetActive(request.IsActive, context.Stamp());
        return new Saved(department.Id, department.Version);
    }
}
