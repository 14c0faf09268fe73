using System.Collections.Concurrent;
using System.Reflection;

namespace Ledger.Application.Common.Security;

/// <summary>The roles of the ledger, as Identity stores them, and the words users know them by.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Office = "Office";
    public const string Leader = "Leader";
    public const string DepartmentHead = "DepartmentHead";
    public const string DepartmentStaff = "DepartmentStaff";
    public const string Supervisor = "Supervisor";

    /// <summary>Any signed-in user; what they may see is then narrowed by scope.</summary>
    public const string Anyone = "*";

    public static readonly IReadOnlyList<string> All = [Admin, Office, Leader, DepartmentHead, DepartmentStaff, Supervisor];

    /// <summary>Roles whose users belong to a department and see only its items.</summary>
    public static readonly IReadOnlyList<string> Department = [DepartmentHead, DepartmentStaff];

    public static string ToChinese(string role) => role switch
    {
        Admin => "系统管理员",
        Office => "整改办",
        Leader => "领导",
        DepartmentHead => "部门负责人",
        DepartmentStaff => "部门经办人",
        Supervisor => "纪检监察",
        _ => role,
    };
}

/// <summary>
/// Who may send a request, by role; checked before validation so a refused user learns nothing about the data.
/// Every request names its roles: a request without this attribute is refused to everyone but the host itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedAttribute(params string[] roles) : Attribute
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> Declared = new();

    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>The roles a request type names; none when it has no attribute.</summary>
    public static IReadOnlyList<string> Of(Type request) =>
        Declared.GetOrAdd(request, t => t.GetCustomAttribute<AllowedAttribute>()?.Roles ?? []);

    /// <summary>
    /// Whether a signed-in user with <paramref name="userRoles"/> may send <paramref name="request"/>: the one rule the
    /// pipeline enforces and the pages use to decide what they offer.
    /// </summary>
    public static bool Permits(Type request, IEnumerable<string> userRoles)
    {
        var roles = Of(request);
        return roles.Contains(Security.Roles.Anyone) || userRoles.Any(roles.Contains);
    }
}
