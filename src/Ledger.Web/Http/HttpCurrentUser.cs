using Ledger.Application.Common;

namespace Ledger.Web.Http;

/// <summary>The signed-in user's name; until sign-in exists every request acts as "anonymous".</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "anonymous";
}
