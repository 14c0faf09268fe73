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

/// <summary>Deletes a person entered by mistake; one the ledger names is refused (deactivate them instead).</summary>
[Allowed(Roles.Admin, Roles.Office)]
public sealed record DeletePersonCommand(Guid Id, Guid Version) : ICommand<Unit>;

internal sealed class DeletePersonCommandValidator : AbstractValidator<DeletePersonCommand>
{
    public DeletePersonCommandValidator() => RuleFor(x => x.Version).RequiredId();
}

internal sealed class DeletePersonCommandHandler(ILedgerDbContext db) : IRequestHandler<DeletePersonCommand, Unit>
{
    public async Task<Unit> Handle(DeletePersonCommand request, CancellationToken cancellationToken)
    {
        var person = await db.People.LoadForUpdateAsync(request.Id, request.Version, "人员", cancellationToken);
        var id = person.Id;
        var references = await db.Items.CountAsync(i => i.ResponsibleLeaderId == id || i.ResponsiblePersonId == id, cancellationToken);
        BusinessRules.Check(new ReferencedRecordIsNotDeleted("人员", references));
        db.People.Remove(person);
        return Unit.Value;
    }
}
