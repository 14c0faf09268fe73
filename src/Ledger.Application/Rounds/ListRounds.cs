using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Rounds;

[Allowed(Roles.Anyone)]
public sealed record ListRoundsQuery : IQuery<IReadOnlyList<RoundSummaryDto>>;

internal sealed class ListRoundsQueryHandler(ILedgerDbContext db) : IRequestHandler<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>
{
    public async Task<IReadOnlyList<RoundSummaryDto>> Handle(ListRoundsQuery request, CancellationToken cancellationToken) =>
        await db.Rounds.AsNoTracking()
            .OrderByDescending(r => r.FeedbackDate).ThenByDescending(r => r.CreatedAt)
            .Select(r => new RoundSummaryDto(
                r.Id,
                r.Version,
                r.InspectingTeam,
                r.InspectedUnit,
                r.FeedbackDate,
                r.RectificationPeriodEnd,
                db.Items.Count(i => i.RoundId == r.Id),
                db.Items.Count(i => i.RoundId == r.Id && i.Status == ItemStatus.ClosedOut)))
            .ToListAsync(cancellationToken);
}
