using Ledger.Application.Common;
using Ledger.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Rounds;

/// <summary>
/// The names rounds tag their items with (<see cref="InspectionRound.TagName"/>), by round id, for what names items
/// outside the ledger's rows: messages, the inbox, the audit trail. A unit has a handful of rounds, so all are read.
/// </summary>
internal static class RoundTagNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> ReadAsync(ILedgerDbContext db, CancellationToken cancellationToken) =>
        (await db.Rounds.AsNoTracking()
            .Select(r => new { r.Id, r.ShortName, r.InspectingTeam, r.InspectionStart, r.FeedbackDate })
            .ToListAsync(cancellationToken))
        .ToDictionary(r => r.Id, r => RoundTag.NameOf(r.ShortName, r.InspectingTeam, r.InspectionStart, r.FeedbackDate));
}
