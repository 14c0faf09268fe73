using Ledger.Application.Users;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>Identity's stores on the ledger database, with the ledger's claims and Chinese messages.</summary>
    public static IdentityBuilder AddLedgerStores(this IdentityBuilder builder)
    {
        builder.AddRoles<LedgerRole>()
            .AddEntityFrameworkStores<LedgerDbContext>()
            .AddUserStore<LedgerUserStore>()
            .AddClaimsPrincipalFactory<LedgerClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>();
        builder.Services.AddScoped<IUserAccounts, UserAccounts>();
        builder.Services.AddScoped<AccountEvents>();
        builder.Services.AddScoped<RefreshTokens>();
        return builder;
    }

    /// <summary>Rules every password and sign-in keeps: 8+ characters with a digit, a lower-case letter and a symbol; 5 failures lock for 15 minutes.</summary>
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
    }
}
