using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Organisation;
using MediatR;

namespace Ledger.Application.Organisation;

/// <summary>Adds a 责任人 or, with <see cref="IsLeader"/>, a member of the leadership who can be 责任领导.</summary>
[Allowed(Roles.Admin, Roles.Office)]
public sealed record CreatePersonCommand(string Name, string? Position, Guid? DepartmentId, bool IsLeader) : ICommand<Saved>;

internal sealed class CreatePersonCommandValidator : AbstractValidator<CreatePersonCommand>
{
    public CreatePersonCommandValidator()
    {
        RuleFor(x => x.Name).RequiredText(50);
        RuleFor(x => x.Position).OptionalText(50);
    }
}

internal sealed class CreatePersonCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<CreatePersonCommand, Saved>
{
    public async Task<Saved> Handle(CreatePersonCommand request, CancellationToken cancellationToken)
    {
        await References.DepartmentAsync(db, request.DepartmentId, "departmentId", cancellationToken);
        var person = Person.Create(request.Name, request.Position, request.DepartmentId, request.IsLeader, context.Stamp());
        db.People.Add(person);
        return new Saved(person.Id, person.Version);
    }
}
