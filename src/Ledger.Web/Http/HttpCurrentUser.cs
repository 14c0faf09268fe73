using Ledger.Application.Common;

namespace Ledger.Web.Http;

/// <summary>
/// The signed-in user's name; work the host does itself (demo data, the import verb) names itself
/// through <see cref="ActingAs"/>. Until sign-in exists, requests act as "anonymous".
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? ActingAs { get; set; }

    public string Name => ActingAs ?? accessor.HttpContext?.User.Identity?.Name ?? "anonymous";
}
