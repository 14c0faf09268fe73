using System.Security.Claims;
using Ledger.Application.Common.Security;

namespace Ledger.Web.Ui;

/// <summary>
/// Whether a page offers a request to its user, read from the request's own <see cref="AllowedAttribute"/> as the
/// server's authorization reads it: a page never offers a button or a link the server would refuse, and a role given a
/// request later gets the button with it. The server still checks every request.
/// </summary>
internal static class UiAccess
{
    public static bool May<TRequest>(this ClaimsPrincipal user) => user.May(typeof(TRequest));

    public static bool May(this ClaimsPrincipal user, Type request) =>
        user.Identity?.IsAuthenticated == true && AllowedAttribute.Permits(request, user.FindAll(ClaimTypes.Role).Select(c => c.Value));
}
