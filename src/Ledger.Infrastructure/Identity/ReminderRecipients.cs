using Ledger.Application.Reminders;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Identity;

/// <summary>Active accounts with their roles, in two queries whatever their number.</summary>
internal sealed class ReminderRecipients(LedgerDbContext db) : IReminderRecipients
{
    public async Task<RecipientDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.DepartmentId, u.PersonId, u.Email, u.EmailReminders })
            .ToListAsync(cancellationToken);
        var roles = (await db.UserRoles.AsNoTracking()
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        return new RecipientDirectory(users.Select(u => new Recipient(
            u.Id, u.DisplayName, [.. roles[u.Id]], u.DepartmentId, u.PersonId, u.Email, u.EmailReminders)));
    }
}
