using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Rounds;

[Allowed(Roles.Anyone)]
public sealed record GetRoundQuery(Guid Id) : IQuery<RoundDto>;

internal sealed class GetRoundQueryHandler(ILedgerDbContext db) : IRequestHandler<GetRoundQuery, RoundDto>
{
    public async Task<RoundDto> Handle(GetRoundQuery request, CancellationToken cancellationToken) =>
        await db.Rounds.AsNoTracking()
            .Where(r => r.Id == request.Id)
            .Select(r => new RoundDto(
                r.Id,
                r.Version,
                r.InspectingTeam,
                r.InspectedUnit,
                r.InspectionStart,
                r.InspectionEnd,
                r.FeedbackDate,
                r.RectificationPeriodEnd,
                r.Aspects.OrderBy(a => a.Order)
                    .Select(a => new AspectDto(a.Id, a.Order, a.Title, db.Items.Count(i => i.AspectId == a.Id)))
                    .ToList(),
                db.Items.Count(i => i.RoundId == r.Id)))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("巡察轮次");
}
