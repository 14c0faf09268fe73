using System.Text.RegularExpressions;
using Ledger.Application.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure;

/// <summary>
/// Binds a configuration section to its settings class through <see cref="IOptions{TOptions}"/>, checked when the host
/// starts (<see cref="ICheckedSettings"/>). A configured list replaces the class's default list: the binder alone
/// would append to it, and narrowing a list (the evidence types) is the point of configuring it.
/// </summary>
public static partial class SettingsRegistration
{
    /// <summary>
    /// Registers <typeparamref name="T"/> as <c>IOptions&lt;T&gt;</c>, validated on start, and as itself for the code
    /// that takes the values directly.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, ICheckedSettings
    {
        services.AddSingleton<IValidateOptions<T>, CheckedSettingsValidator<T>>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>()
            .Configure(settings => Bind(configuration.GetSection(section), settings))
            .ValidateOnStart();
    }

    /// <summary>
    /// The settings as configured, checked now: for the few values that decide what is registered (the database
    /// provider, whether this process runs jobs), which are needed before any host starts.
    /// </summary>
    public static T ReadSettings<T>(this IConfiguration configuration, string section)
        where T : class, ICheckedSettings, new()
    {
        var settings = new T();
        Bind(configuration.GetSection(section), settings);
        var problems = settings.Problems().ToList();
        return problems.Count == 0 ? settings : throw new OptionsValidationException(section, typeof(T), problems);
    }

    private static void Bind<T>(IConfigurationSection section, T settings)
        where T : class
    {
        try
        {
            section.Bind(settings);
            foreach (var list in typeof(T).GetProperties().Where(p => p.PropertyType.IsArray && p.CanWrite))
            {
                var configured = section.GetSection(list.Name);
                if (configured.GetChildren().Any())
                {
                    list.SetValue(settings, configured.Get(list.PropertyType));
                }
            }
        }
        catch (InvalidOperationException e) when (UnreadableValue().Match(e.Message) is { Success: true } match)
        {
            var path = match.Groups["path"].Value;
            var value = path.StartsWith(section.Path + ":", StringComparison.Ordinal) ? section.GetSection(path[(section.Path.Length + 1)..]).Value : null;
            var type = typeof(T).GetProperty(path[(path.LastIndexOf(':') + 1)..])?.PropertyType;
            throw new OptionsValidationException(section.Path, typeof(T), [$"{path} 的值“{value}”无法识别{Expected(type)}。"]);
        }
    }

    private static string Expected(Type? type) => type switch
    {
        { IsEnum: true } => $"，可选：{string.Join("、", Enum.GetNames(type))}",
        _ when type == typeof(bool) => "，须为 true 或 false",
        _ when type == typeof(int) || type == typeof(long) => "，须为整数",
        _ => string.Empty,
    };

    [GeneratedRegex("at '(?<path>[^']+)'")]
    private static partial Regex UnreadableValue();

    private sealed class CheckedSettingsValidator<T> : IValidateOptions<T>
        where T : class, ICheckedSettings
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
