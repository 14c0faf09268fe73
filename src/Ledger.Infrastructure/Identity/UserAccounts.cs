using FluentValidation;
using FluentValidation.Results;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Users;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Identity;

internal sealed class UserAccounts(UserManager<LedgerUser> users, IUserStore<LedgerUser> store, LedgerDbContext db, TimeProvider clock) : IUserAccounts
{
    private UserManager<LedgerUser> Manager
    {
        get
        {
            ((LedgerUserStore)store).AutoSaveChanges = false;
            return users;
        }
    }

    public async Task<UserDto> CreateAsync(UserDetails details, string password, bool mustChangePassword, CancellationToken cancellationToken)
    {
        var user = new LedgerUser
        {
            UserName = details.UserName.Trim(),
            DisplayName = PlainText.Line(details.DisplayName) ?? string.Empty,
            DepartmentId = details.DepartmentId,
            PersonId = details.PersonId,
            MustChangePassword = mustChangePassword,
        };
        Check(await Manager.CreateAsync(user, password), "password");
        Check(await Manager.AddToRolesAsync(user, details.Roles.Distinct()), "roles");
        return await DtoAsync(user, details.Roles, cancellationToken);
    }

    public async Task<UserDto> UpdateAsync(Guid id, Guid version, UserDetails details, bool isActive, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id, version, cancellationToken);
        var current = await Manager.GetRolesAsync(user);
        var revoke = user.IsActive != isActive || user.DepartmentId != details.DepartmentId || user.PersonId != details.PersonId
                     || !current.Order().SequenceEqual(details.Roles.Distinct().Order());
        user.DisplayName = PlainText.Line(details.DisplayName) ?? string.Empty;
        user.DepartmentId = details.DepartmentId;
        user.PersonId = details.PersonId;
        user.IsActive = isActive;
        if (user.UserName != details.UserName.Trim())
        {
            Check(await Manager.SetUserNameAsync(user, details.UserName.Trim()), "userName");
        }

        Check(await Manager.RemoveFromRolesAsync(user, current.Except(details.Roles)), "roles");
        Check(await Manager.AddToRolesAsync(user, details.Roles.Distinct().Except(current)), "roles");
        if (revoke)
        {
            // Sessions and tokens carry roles and scope as claims: a new stamp makes them re-read at next validation.
            Check(await Manager.UpdateSecurityStampAsync(user), "roles");
        }

        Check(await Manager.UpdateAsync(user), "userName");
        return await DtoAsync(user, details.Roles, cancellationToken);
    }

    public async Task ResetPasswordAsync(Guid id, Guid version, string password, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id, version, cancellationToken);
        foreach (var validator in Manager.PasswordValidators)
        {
            Check(await validator.ValidateAsync(Manager, user, password), "newPassword");
        }

        user.PasswordHash = Manager.PasswordHasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        Check(await Manager.UpdateSecurityStampAsync(user), "newPassword");
    }

    public async Task ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id, cancellationToken);
        var result = await Manager.ChangePasswordAsync(user, currentPassword, newPassword);
        Check(result, result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "currentPassword" : "newPassword");
        user.MustChangePassword = false;
        Check(await Manager.UpdateAsync(user), "newPassword");
    }

    public async Task<IReadOnlyList<UserDto>> ListAsync(Guid? id, CancellationToken cancellationToken)
    {
        var accounts = db.Users.AsNoTracking();
        if (id is not null)
        {
            accounts = accounts.Where(u => u.Id == id);
        }

        var rows = await accounts
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.DepartmentId,
                DepartmentName = db.Departments.Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                u.PersonId,
                PersonName = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault(),
                u.IsActive,
                u.MustChangePassword,
                u.LockoutEnd,
                u.ConcurrencyStamp,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.ConvertAll(r => r.Id);
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        return rows.ConvertAll(r => Dto(
            r.Id, r.UserName!, r.DisplayName, roles[r.Id], r.DepartmentId, r.DepartmentName, r.PersonId, r.PersonName, r.IsActive, r.MustChangePassword, r.LockoutEnd, r.ConcurrencyStamp));
    }

    public async Task<NotificationPreferences> GetNotificationPreferencesAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new NotificationPreferences(u.Email, u.EmailReminders))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("账号");

    public async Task<NotificationPreferences> SetNotificationPreferencesAsync(Guid id, NotificationPreferences preferences, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id, cancellationToken);
        var email = string.IsNullOrWhiteSpace(preferences.Email) ? null : preferences.Email.Trim();
        // Not SetEmailAsync: it renews the security stamp, which would sign the user out for changing a preference.
        user.Email = email;
        user.NormalizedEmail = Manager.NormalizeEmail(email);
        user.EmailReminders = preferences.EmailReminders;
        Check(await Manager.UpdateAsync(user), "email");
        return new(user.Email, user.EmailReminders);
    }

    /// <summary>An account just changed in this transaction, before it is saved: its names are read from the lists.</summary>
    private async Task<UserDto> DtoAsync(LedgerUser user, IEnumerable<string> roles, CancellationToken cancellationToken) => Dto(
        user.Id,
        user.UserName!,
        user.DisplayName,
        roles,
        user.DepartmentId,
        await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken),
        user.PersonId,
        await db.People.Where(p => p.Id == user.PersonId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken),
        user.IsActive,
        user.MustChangePassword,
        user.LockoutEnd,
        user.ConcurrencyStamp);

    private UserDto Dto(
        Guid id, string userName, string displayName, IEnumerable<string> roles, Guid? departmentId, string? departmentName,
        Guid? personId, string? personName, bool isActive, bool mustChangePassword, DateTimeOffset? lockoutEnd, string? concurrencyStamp)
    {
        var names = Roles.All.Where(roles.Contains).ToList();
        return new UserDto(
            id, userName, displayName, names, names.ConvertAll(Roles.ToChinese), departmentId, departmentName, personId, personName,
            isActive, mustChangePassword, lockoutEnd > clock.GetUtcNow() ? lockoutEnd : null, Version(concurrencyStamp));
    }

    /// <summary>
    /// Identity's concurrency stamp is the account's version: Identity renews it with every change (the user's own, a
    /// sign-in's failed count, an administrator's) and it is EF's concurrency token on the account, so a change racing in
    /// between this check and the save still fails there. Identity always writes a GUID.
    /// </summary>
    private async Task<LedgerUser> FindAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id, cancellationToken);
        var current = Version(user.ConcurrencyStamp);
        return current == version ? user : throw new ConcurrencyConflictException(current);
    }

    private async Task<LedgerUser> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("账号");

    private static Guid Version(string? concurrencyStamp) => Guid.Parse(concurrencyStamp!);

    private static void Check(IdentityResult result, string field)
    {
        // Only a store that saves on its own reports a lost race this way; ours leaves it to the command's save.
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConcurrencyConflictException(null);
        }

        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(
                e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : field, e.Description)));
        }
    }
}
