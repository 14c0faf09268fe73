using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;

namespace Ledger.Application.Organisation;

[Allowed(Roles.Admin, Roles.Office)]
public sealed record RenameDepartmentCommand(Guid Id, Guid Version, string Name) : ICommand<Saved>;

internal sealed class RenameDepartmentCommandValidator : AbstractValidator<RenameDepartmentCommand>
{
    public RenameDepartmentCommandValidator()
    {
        RuleFor(x => x.Version).RequiredId();
        RuleFor(x => x.Name).RequiredText();
    }
}

internal sealed class RenameDepartmentCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<RenameDepartmentCommand, Saved>
{
    public async Task<Saved> Handle(RenameDepartmentCommand request, CancellationToken cancellationToken)
    {
        var department = await db.Departments.LoadForUpdateAsync(request.Id, request.Version, "部门", cancellationToken);
        await DepartmentNames.EnsureUniqueAsync(db, request.Name, department.Id, cancellationToken);
        department.Rename(request.Name, context.Stamp());
        return new Saved(department.Id, department.Version);
    }
}
