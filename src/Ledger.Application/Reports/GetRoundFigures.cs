using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;

namespace Ledger.Application.Reports;

/// <summary>
/// The statistics of a round as of a China date (today without one), from each item's history rather than its state now:
/// the numbers of the report's statistics sentence, and the sentence itself.
/// </summary>
[Allowed(Roles.Office, Roles.Leader, Roles.Supervisor, Roles.Admin)]
public sealed record GetRoundFiguresQuery(Guid RoundId, DateOnly? AsOf = null) : IQuery<RoundFigures>;

internal sealed class GetRoundFiguresQueryValidator : AbstractValidator<GetRoundFiguresQuery>
{
    public GetRoundFiguresQueryValidator(RequestContext context)
    {
        RuleFor(x => x.RoundId).RequiredId();
        RuleFor(x => x.AsOf).Must(asOf => asOf <= context.Today).When(x => x.AsOf is not null)
            .WithMessage(ReportDates.AsOfAfterToday);
    }
}

internal sealed class GetRoundFiguresQueryHandler(ILedgerDbContext db, RequestContext context) : IRequestHandler<GetRoundFiguresQuery, RoundFigures>
{
    public async Task<RoundFigures> Handle(GetRoundFiguresQuery request, CancellationToken cancellationToken) =>
        await RoundFigures.ReadAsync(db, request.RoundId, request.AsOf ?? context.Today, cancellationToken)
        ?? throw new NotFoundException("巡察轮次");
}
