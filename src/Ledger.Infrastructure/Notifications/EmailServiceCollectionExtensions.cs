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
        var options = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (options.IsConfigured && string.IsNullOrWhiteSpace(options.FromAddress))
        {
            throw new InvalidOperationException($"{SmtpOptions.Section}:Host is set but {SmtpOptions.Section}:FromAddress is not.");
        }

        if (options.TimeoutSeconds <= 0)
        {
            throw new InvalidOperationException($"{SmtpOptions.Section}:TimeoutSeconds must be positive.");
        }

        services.AddSingleton(options);
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
