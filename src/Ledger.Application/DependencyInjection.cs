using FluentValidation;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Behaviors;
using Ledger.Application.Common.Validation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1.0 is the only version whose dependencies resolve here (docs/adr/0002), and it has no
    /// DI package: this is the one place that wires it, so an upgrade touches nothing else.
    /// Behaviors run in registration order: logging, authorization, validation, the working calendar's refresh (after
    /// the commit of a command that edits it), then the unit of work.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        ValidationSetup.Configure();
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i =>
                         i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
                                             || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            {
                services.AddScoped(contract, type);
            }
        }

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(WorkingCalendarRefreshBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<RequestContext>();
        services.AddScoped<Compensations>();
        services.AddSingleton<WorkingCalendars>();
        services.AddScoped<Reminders.EmailDigestSender>();
        services.AddScoped<Reminders.ReminderScan>();
        services.AddScoped<Reminders.ItemNotices>();
        services.AddScoped<Reminders.SupervisionDesk>();
        return services;
    }
}
