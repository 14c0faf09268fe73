using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Domain.Rounds;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Rounds;

[Allowed(Roles.Anyone)]
public sealed record GetRoundQuery(Guid Id) : IQuery<RoundDto>;

/// <summary>A round with its aspects, counting the items the user may see, as the rounds list does: a department's own.</summary>
internal sealed class GetRoundQueryHandler(ILedgerDbContext db, ICurrentUser user) : IRequestHandler<GetRoundQuery, RoundDto>
{
    public async Task<RoundDto> Handle(GetRoundQuery request, CancellationToken cancellationToken)
    {
        var items = db.Items.VisibleTo(user);
        return await db.Rounds.AsNoTracking()
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
                    .Select(a => new AspectDto(a.Id, a.Order, a.Title, items.Count(i => i.AspectId == a.Id)))
                    .ToList(),
                items.Count(i => i.RoundId == r.Id),
                r.ShortName,
                RoundTag.NameOf(r.ShortName, r.InspectingTeam, r.InspectionStart, r.FeedbackDate)))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("巡察轮次");
    }
}
