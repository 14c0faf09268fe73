using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;

namespace Ledger.Application.Rounds;

[Allowed(Roles.Office)]
public sealed record UpdateRoundCommand(
    Guid Id,
    Guid Version,
    string InspectingTeam,
    string InspectedUnit,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    DateOnly? FeedbackDate,
    DateOnly? RectificationPeriodEnd,
    string? ShortName = null) : ICommand<Saved>, IRoundFields;

internal sealed class UpdateRoundCommandValidator : RoundFieldsValidator<UpdateRoundCommand>
{
    public UpdateRoundCommandValidator() => RuleFor(x => x.Version).RequiredId();
}

internal sealed class UpdateRoundCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<UpdateRoundCommand, Saved>
{
    public async Task<Saved> Handle(UpdateRoundCommand request, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.LoadForUpdateAsync(request.Id, request.Version, "巡察轮次", cancellationToken);
        round.Update(request.ToDetails(), context.Stamp());
        return new Saved(round.Id, round.Version);
    }
}
