using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;

namespace Ledger.Application.Organisation;

/// <summary>Deactivates a person who left (they stay named on past items) or brings them back.</summary>
[Allowed(Roles.Admin, Roles.Office)]
public sealed record SetPersonActiveCommand(Guid Id, Guid Version, bool IsActive) : ICommand<Saved>;

internal sealed class SetPersonActiveCommandValidator : AbstractValidator<SetPersonActiveCommand>
{
    public SetPersonActiveCommandValidator() => RuleFor(x => x.Version).RequiredId();
}

internal sealed class SetPersonActiveCommandHandler(ILedgerDbContext db, RequestContext context)
    : IRequestHandler<SetPersonActiveCommand, Saved>
{
    public async Task<Saved> Handle(SetPersonActiveCommand request, CancellationToken cancellationToken)
    {
        var person = await db.People.LoadForUpdateAsync(request.Id, request.Version, "人员", cancellationToken);
        person.SetActive(request.IsActive, context.Stamp());
        return new Saved(person.Id, person.Version);
    }
}
