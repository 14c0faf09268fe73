using Ledger.Application.Common;
using Ledger.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Settings;

/// <param name="Version">Null until the office first saves settings; the defaults apply meanwhile.</param>
public sealed record WorkflowSettingsDto(Guid? Version, bool AllLeadersApprove, int MaxExtensions);

internal static class WorkflowSettingsReading
{
    /// <summary>The saved settings, or the defaults while none are saved; untracked.</summary>
    public static async Task<WorkflowSettings> CurrentWorkflowSettingsAsync(this ILedgerDbContext db, CancellationToken cancellationToken) =>
        await db.WorkflowSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? WorkflowSettings.Defaults();
}
