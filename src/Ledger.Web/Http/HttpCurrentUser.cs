using System.Security.Claims;
using Ledger.Application.Common;
using Ledger.Infrastructure.Identity;

namespace Ledger.Web.Http;

/// <summary>
/// The signed-in user as the claims of their cookie or bearer token describe them. Work the host does itself
/// (demo data, the import verb) names itself through <see cref="ActingAs"/> and acts as the system.
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? ActingAs { get; set; }

    /// <summary>
    /// The user of a Blazor circuit, set by the UI's sender on the scope it opens for one request: a circuit has no
    /// HTTP request of its own, and the one the accessor might still see is the connection's, signed in hours ago.
    /// </summary>
    public ClaimsPrincipal? CircuitUser { get; set; }

    private ClaimsPrincipal? Principal => (CircuitUser ?? accessor.HttpContext?.User) is { Identity.IsAuthenticated: true } user ? user : null;

    public string Name => ActingAs ?? Principal?.FindFirstValue(LedgerClaims.DisplayName) ?? Principal?.Identity?.Name ?? "匿名";

    public Guid? UserId => ActingAs is null ? Id(ClaimTypes.NameIdentifier) : null;

    public IReadOnlyCollection<string> Roles => ActingAs is null && Principal is { } user ? user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() : [];

    public Guid? DepartmentId => ActingAs is null ? Id(LedgerClaims.Department) : null;

    public Guid? PersonId => ActingAs is null ? Id(LedgerClaims.Person) : null;

    public bool IsSystem => ActingAs is not null;

    private Guid? Id(string claim) => Guid.TryParse(Principal?.FindFirstValue(claim), out var id) ? id : null;
}
