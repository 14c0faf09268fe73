using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Rounds;

[Allowed(Roles.Office)]
public sealed record RenameAspectCommand(Guid RoundId, Guid AspectId, Guid Version, string Title) : ICommand<AspectSaved>;

internal sealed class RenameAspectCommandValidator : AbstractValidator<RenameAspectCommand>
{
    public RenameAspectCommandValidator()
    {
        RuleFor(x => x.Version).RequiredId();
        RuleFor(x => x.Title).RequiredText();
    }
}

internal sealed class RenameAspectCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<RenameAspectCommand, AspectSaved>
{
    public async Task<AspectSaved> Handle(RenameAspectCommand request, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.Include(r => r.Aspects)
            .LoadForUpdateAsync(request.RoundId, request.Version, "巡察轮次", cancellationToken);
        if (!round.HasAspect(request.AspectId))
        {
            throw new NotFoundException("方面");
        }

        round.RenameAspect(request.AspectId, request.Title, context.Stamp());
        return new AspectSaved(round.Id, request.AspectId, round.Version);
    }
}
