using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Common;
using Ledger.Domain.Organisation.Rules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Organisation;

/// <summary>Deletes a department entered by mistake; one the ledger references is refused (deactivate it instead).</summary>
[Allowed(Roles.Admin, Roles.Office)]
public sealed record DeleteDepartmentCommand(Guid Id, Guid Version) : ICommand<Unit>;

internal sealed class DeleteDepartmentCommandValidator : AbstractValidator<DeleteDepartmentCommand>
{
    public DeleteDepartmentCommandValidator() => RuleFor(x => x.Version).RequiredId();
}

internal sealed class DeleteDepartmentCommandHandler(ILedgerDbContext db) : IRequestHandler<DeleteDepartmentCommand, Unit>
{
    public async Task<Unit> Handle(DeleteDepartmentCommand request, CancellationToken cancellationToken)
    {
        var department = await db.Departments.LoadForUpdateAsync(request.Id, request.Version, "部门", cancellationToken);
        var id = department.Id;
        var references =
            await db.Items.CountAsync(i => i.LeadDepartmentId == id, cancellationToken)
            + await db.Items.SelectMany(i => i.CoDepartments).CountAsync(c => c.DepartmentId == id, cancellationToken)
            + await db.Items.SelectMany(i => i.Measures).CountAsync(m => m.LeadDepartmentId == id, cancellationToken)
            + await db.People.CountAsync(p => p.DepartmentId == id, cancellationToken);
        BusinessRules.Check(new ReferencedRecordIsNotDeleted("部门", references));

        db.Departments.Remove(department);
        return Unit.Value;
    }
}
