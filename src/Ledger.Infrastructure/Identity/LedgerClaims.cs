using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.Identity;

/// <summary>Claims a signed-in principal carries beyond Identity's own, so scope is known without a query per request.</summary>
public static class LedgerClaims
{
    public const string DisplayName = "ledger:display_name";
    public const string Department = "ledger:department";
    public const string Person = "ledger:person";
    public const string MustChangePassword = "ledger:must_change_password";
}

internal sealed class LedgerClaimsFactory(UserManager<LedgerUser> users, RoleManager<LedgerRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LedgerUser, LedgerRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LedgerUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LedgerClaims.DisplayName, user.DisplayName));
        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(LedgerClaims.Department, department.ToString()));
        }

        if (user.PersonId is { } person)
        {
            identity.AddClaim(new Claim(LedgerClaims.Person, person.ToString()));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(LedgerClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
