using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Organisation;
using MediatR;

namespace Ledger.Application.Organisation;

[Allowed(Roles.Admin, Roles.Office)]
public sealed record CreateDepartmentCommand(string Name) : ICommand<Saved>;

internal sealed class CreateDepartmentCommandValidator : AbstractValidator<CreateDepartmentCommand>
{
    public CreateDepartmentCommandValidator() => RuleFor(x => x.Name).RequiredText();
}

internal sealed class CreateDepartmentCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<CreateDepartmentCommand, Saved>
{
    public async Task<Saved> Handle(CreateDepartmentCommand request, CancellationToken cancellationToken)
    {
        await DepartmentNames.EnsureUniqueAsync(db, request.Name, null, cancellationToken);
        var department = Department.Create(request.Name, context.Stamp());
        db.Departments.Add(department);
        return new Saved(department.Id, department.Version);
    }
}
