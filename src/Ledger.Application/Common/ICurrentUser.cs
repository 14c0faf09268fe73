using Ledger.Application.Common.Security;

namespace Ledger.Application.Common;

/// <summary>The person sending the request: how the history names them, and what they may see and do.</summary>
public interface ICurrentUser
{
    /// <summary>The name the history and audit trail show.</summary>
    string Name { get; }

    Guid? UserId { get; }

    IReadOnlyCollection<string> Roles { get; }

    /// <summary>The department a department user belongs to; leaders and the office may have none.</summary>
    Guid? DepartmentId { get; }

    /// <summary>The person record a leader is, so items naming them as 责任领导 are theirs to approve.</summary>
    Guid? PersonId { get; }

    /// <summary>The host acting for itself (demo data, the import verb): allowed everything, scoped to nothing.</summary>
    bool IsSystem { get; }
}

public static class CurrentUserExtensions
{
    public static bool IsIn(this ICurrentUser user, params IEnumerable<string> roles) => user.IsSystem || roles.Any(user.Roles.Contains);

    /// <summary>Whether this user may send <paramref name="request"/> at all, by its <see cref="AllowedAttribute"/>.</summary>
    public static bool MaySend(this ICurrentUser user, Type request) =>
        user.IsSystem || (user.UserId is not null && AllowedAttribute.Permits(request, user.Roles));
}
