using Ledger.Application.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Infrastructure.Notifications;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Mail through the server in <c>Ledger:Smtp</c>. Without a host the sender reports itself unconfigured;
    /// with one, a missing sender address fails at start-up rather than at the first reminder.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SmtpOptions>(configuration, SmtpOptions.Section);
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
