using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Rounds;
using Ledger.Domain.Rounds.Rules;
using MediatR;

namespace Ledger.Application.Rounds;

/// <summary>Sets up an inspection round, optionally with its aspects (方面) in order.</summary>
[Allowed(Roles.Office)]
public sealed record CreateRoundCommand(
    string InspectingTeam,
    string InspectedUnit,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    DateOnly? FeedbackDate,
    DateOnly? RectificationPeriodEnd,
    IReadOnlyList<string>? Aspects = null,
    string? ShortName = null) : ICommand<Saved>, IRoundFields;

internal sealed class CreateRoundCommandValidator : RoundFieldsValidator<CreateRoundCommand>
{
    public CreateRoundCommandValidator()
    {
        RuleForEach(x => x.Aspects).RequiredText(CommonRules.ShortText);
        RuleFor(x => x.Aspects!.Count).LessThanOrEqualTo(AspectsAreLimited.Maximum).When(x => x.Aspects is not null)
            .WithMessage($"一个巡察轮次至多{AspectsAreLimited.Maximum}个方面。").OverridePropertyName("aspects");
    }
}

internal sealed class CreateRoundCommandHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<CreateRoundCommand, Saved>
{
    public Task<Saved> Handle(CreateRoundCommand request, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        var round = InspectionRound.Create(request.ToDetails(), stamp);
        foreach (var title in request.Aspects ?? [])
        {
            round.AddAspect(title, null, stamp);
        }

        db.Rounds.Add(round);
        return Task.FromResult(new Saved(round.Id, round.Version));
    }
}
