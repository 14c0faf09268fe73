using System.Security.Cryptography;
using System.Text.Json;
using Ledger.Application.Common.Security;
using Ledger.Application.Users;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Ledger.Web.Http;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Web;

/// <summary>
/// The roles, and on a database without accounts the first ones: with demo data, one account per role from
/// <c>seeds/demo-organisation.json</c> (password <see cref="DemoPassword"/>); otherwise only an administrator whose
/// password (<c>Ledger:InitialAdminPassword</c>, or a random one written to the log) must be changed at first sign-in.
/// </summary>
internal static partial class AccountSeed
{
    public const string DemoPassword = "Ledger@2025";

    public const string Actor = "系统初始化";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var roles = provider.GetRequiredService<RoleManager<LedgerRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new LedgerRole(role));
            }
        }

        var db = provider.GetRequiredService<LedgerDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        provider.GetRequiredService<HttpCurrentUser>().ActingAs = Actor;
        var mediator = provider.GetRequiredService<IMediator>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountSeed).FullName!);
        var options = provider.GetRequiredService<LedgerOptions>();
        var folder = options.DemoData ? DemoData.FindSeeds(provider.GetRequiredService<IHostEnvironment>().ContentRootPath) : null;
        if (folder is not null)
        {
            var organisation = JsonSerializer.Deserialize<DemoData.DemoOrganisation>(
                await File.ReadAllTextAsync(Path.Combine(folder, "demo-organisation.json"), cancellationToken), JsonSerializerOptions.Web)!;
            foreach (var account in organisation.Accounts ?? [])
            {
                var department = await db.Departments.Where(d => d.Name == account.Department).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
                var person = await db.People.Where(p => p.Name == account.Person).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
                await mediator.Send(
                    new CreateUserCommand(account.UserName, account.DisplayName, [account.Role], department, person, DemoPassword, MustChangePassword: false),
                    cancellationToken);
            }

            LogDemoAccounts(logger, organisation.Accounts?.Count ?? 0, DemoPassword);
            return;
        }

        var configured = provider.GetRequiredService<IConfiguration>()["Ledger:InitialAdminPassword"];
        var password = string.IsNullOrWhiteSpace(configured) ? $"Ledger#{RandomNumberGenerator.GetHexString(12, lowercase: true)}" : configured;
        await mediator.Send(new CreateUserCommand("admin", "系统管理员", [Roles.Admin], null, null, password, MustChangePassword: true), cancellationToken);
        if (string.IsNullOrWhiteSpace(configured))
        {
            LogGeneratedAdmin(logger, password);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts created: {Count}, password {Password}")]
    private static partial void LogDemoAccounts(ILogger logger, int count, string password);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the administrator account 'admin' with the one-time password {Password}; it must be changed at first sign-in")]
    private static partial void LogGeneratedAdmin(ILogger logger, string password);
}
