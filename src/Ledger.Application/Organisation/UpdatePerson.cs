using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;

namespace Ledger.Application.Organisation;

/// <summary>Renames a person, or records a new position, department or leadership role.</summary>
[Allowed(Roles.Admin, Roles.Office)]
public sealed record UpdatePersonCommand(Guid Id, Guid Version, string Name, string? Position, Guid? DepartmentId, bool IsLeader)
    : ICommand<Saved>;

internal sealed class UpdatePersonCommandValidator : AbstractValidator<UpdatePersonCommand>
{
    public UpdatePersonCommandValidator()
    {
        RuleFor(x => x.Version).RequiredId();
        RuleFor(x => x.Name).RequiredText(50);
        RuleFor(x => x.Position).OptionalText(50);
    }
}

internal sealed class UpdatePersonCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<UpdatePersonCommand, Saved>
{
    public async Task<Saved> Handle(UpdatePersonCommand request, CancellationToken cancellationToken)
    {
        var person = await db.People.LoadForUpdateAsync(request.Id, request.Version, "人员", cancellationToken);
        if (request.DepartmentId != person.DepartmentId)
        {
            await References.DepartmentAsync(db, request.DepartmentId, "departmentId", cancellationToken);
        }

        person.Update(request.Name, request.Position, request.DepartmentId, request.IsLeader, context.Stamp());
        return new Saved(person.Id, person.Version);
    }
}
