using System.Security.Claims;
using Ledger.Application.Common.Security;

namespace Ledger.Web.Ui;

/// <summary>The addresses of the UI's own pages, named once for the pages, the layout and the cookie's redirects.</summary>
internal static class UiPaths
{
    public const string SignIn = "/account/login";

    public const string SignOut = "/account/logout";

    public const string ChangePassword = "/account/password";

    public const string Ledger = "/items";

    /// <summary>页面不存在, which a browser gets for an address that is no page.</summary>
    public const string NotFound = "/not-found";

    /// <summary>我的待办: what the signed-in user must act on.</summary>
    public const string MyWork = "/my-work";

    public const string Inbox = "/notifications";

    public const string Rounds = "/rounds";

    public const string Dashboard = "/dashboard";

    /// <summary>审计记录: who did what, when and why, for 纪检监察 (and the office and administrators).</summary>
    public const string Audit = "/audit";

    public const string AdminUsers = "/admin/users";

    public const string AdminDepartments = "/admin/departments";

    public const string AdminCalendar = "/admin/calendar";

    public const string AdminSettings = "/admin/settings";

    /// <summary>Importing a report (反馈意见, 整改方案 or 整改报告) as a new round.</summary>
    public const string ImportReport = "/rounds/import";

    public const string ReturnUrl = "returnUrl";

    /// <summary>The site's root: each user's own first page (<see cref="HomeOf"/>).</summary>
    public const string Home = "/";

    /// <summary>
    /// Where a role's day starts: a leader on 领导看板 with the approvals waiting, the office and the departments on
    /// 我的待办; others (纪检监察, administrators) on the ledger; a stranger at sign-in.
    /// </summary>
    public static string HomeOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? SignIn
        : user.IsInRole(Roles.Leader) ? Dashboard
        : user.IsInRole(Roles.Office) || Roles.Department.Any(user.IsInRole) ? MyWork
        : Ledger;

    public static string Item(Guid id) => $"/items/{id}";

    /// <summary>The 整改情况通报 of a round.</summary>
    public static string Report(Guid roundId) => $"{Rounds}/{roundId}/report";

    /// <summary>A page to come back to after signing in, as the request named it.</summary>
    public static string WithReturnUrl(string page, HttpRequest request) =>
        $"{page}?{ReturnUrl}={Uri.EscapeDataString($"{request.PathBase}{request.Path}{request.QueryString}")}";

    /// <summary>
    /// The return address only when it stays on this site: a path of its own, never <c>//host</c> or <c>/\host</c>,
    /// which browsers read as another site. Anything else goes to the user's own first page.
    /// </summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is ['/', ..] && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : Home;
}
