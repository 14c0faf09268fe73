namespace Ledger.Application.Users;

/// <summary>Sign-in accounts, kept by ASP.NET Core Identity in the ledger's database and its transaction.</summary>
public interface IUserAccounts
{
    /// <exception cref="FluentValidation.ValidationException">The user name is taken or the password breaks the rules.</exception>
    Task<UserDto> CreateAsync(UserDetails details, string password, bool mustChangePassword, CancellationToken cancellationToken);

    /// <exception cref="Common.Exceptions.ConcurrencyConflictException">The account is no longer at <paramref name="version"/>.</exception>
    Task<UserDto> UpdateAsync(Guid id, Guid version, UserDetails details, bool isActive, CancellationToken cancellationToken);

    /// <summary>Sets a password the user must change at next sign-in, and ends a lockout.</summary>
    /// <exception cref="Common.Exceptions.ConcurrencyConflictException">The account is no longer at <paramref name="version"/>.</exception>
    Task ResetPasswordAsync(Guid id, Guid version, string password, CancellationToken cancellationToken);

    Task ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserDto>> ListAsync(Guid? id, CancellationToken cancellationToken);

    Task<NotificationPreferences> GetNotificationPreferencesAsync(Guid id, CancellationToken cancellationToken);

    Task<NotificationPreferences> SetNotificationPreferencesAsync(Guid id, NotificationPreferences preferences, CancellationToken cancellationToken);
}

/// <summary>A user's own choice of email reminders, and where they go.</summary>
public sealed record NotificationPreferences(string? Email, bool EmailReminders);

public sealed record UserDetails(string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? DepartmentId, Guid? PersonId);

public sealed record UserDto(
    Guid Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> RoleNames,
    Guid? DepartmentId,
    string? DepartmentName,
    Guid? PersonId,
    string? PersonName,
    bool IsActive,
    bool MustChangePassword,
    DateTimeOffset? LockedOutUntil,
    Guid Version);
