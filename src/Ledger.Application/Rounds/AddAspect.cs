using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Rounds;

/// <summary>Adds an aspect at a 1-based position (default: last); the aspects after it move down.</summary>
[Allowed(Roles.Office)]
public sealed record AddAspectCommand(Guid RoundId, Guid Version, string Title, int? Position = null) : ICommand<AspectSaved>;

internal sealed class AddAspectCommandValidator : AbstractValidator<AddAspectCommand>
{
    public AddAspectCommandValidator()
    {
        RuleFor(x => x.Version).RequiredId();
        RuleFor(x => x.Title).RequiredText();
        RuleFor(x => x.Position).GreaterThan(0);
    }
}

internal sealed class AddAspectCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<AddAspectCommand, AspectSaved>
{
    public async Task<AspectSaved> Handle(AddAspectCommand request, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.Include(r => r.Aspects)
            .LoadForUpdateAsync(request.RoundId, request.Version, "巡察轮次", cancellationToken);
        var aspect = round.AddAspect(request.Title, request.Position, context.Stamp());
        return new AspectSaved(round.Id, aspect.Id, round.Version);
    }
}
