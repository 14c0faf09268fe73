using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Domain.Rounds;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Rounds;

[Allowed(Roles.Anyone)]
public sealed record ListRoundsQuery : IQuery<IReadOnlyList<RoundSummaryDto>>;

/// <summary>Every round, counting the items the user may see: a department's own, as the ledger scopes them.</summary>
internal sealed class ListRoundsQueryHandler(ILedgerDbContext db, ICurrentUser user) : IRequestHandler<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>
{
    public async Task<IReadOnlyList<RoundSummaryDto>> Handle(ListRoundsQuery request, CancellationToken cancellationToken)
    {
        var items = db.Items.VisibleTo(user);
        return await db.Rounds.AsNoTracking()
            .OrderByDescending(r => r.FeedbackDate).ThenByDescending(r => r.CreatedAt)
            .Select(r => new RoundSummaryDto(
                r.Id,
                r.Version,
                r.InspectingTeam,
                r.InspectedUnit,
                r.FeedbackDate,
                r.RectificationPeriodEnd,
                items.Count(i => i.RoundId == r.Id),
                items.Count(i => i.RoundId == r.Id && i.Status == ItemStatus.ClosedOut),
                RoundTag.NameOf(r.ShortName, r.InspectingTeam, r.InspectionStart, r.FeedbackDate)))
            .ToListAsync(cancellationToken);
    }
}
