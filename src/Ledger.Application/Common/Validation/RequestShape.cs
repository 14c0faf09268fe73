using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;
using Ledger.Domain.Common;

namespace Ledger.Application.Common.Validation;

/// <summary>
/// What every request must satisfy before its own validator runs, checked once here rather than in each validator:
/// a member declared non-nullable is present (a JSON body of <c>{}</c> leaves lists and strings null, which the
/// request's own rules would then dereference), every date, alone or in a list, lies in <see cref="DateWindow"/>, and no
/// query's text holds U+0000, which PostgreSQL cannot compare (a keyword with it would fail the query). Commands' text
/// has it removed with the other control characters before it is stored (<see cref="PlainText"/>).
/// Filters bound from a query string are requests too, so this covers them as well.
/// </summary>
internal static class RequestShape
{
    public static List<ValidationFailure> Check<TRequest>(TRequest request)
    {
        var failures = new List<ValidationFailure>();
        Check(request, failures, request is not null && IsQuery(request.GetType()));
        return failures;
    }

    private static bool IsQuery(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Messaging.IQuery<>));

    private static void Check(object? request, List<ValidationFailure> failures, bool query)
    {
        if (request is null)
        {
            return;
        }

        foreach (var member in Cache.GetOrAdd(request.GetType(), Find))
        {
            var value = member.Property.GetValue(request);
            if (value is null)
            {
                if (member.Required)
                {
                    failures.Add(new ValidationFailure(member.Property.Name, $"请填写“{Label(member.Property)}”。"));
                }
            }
            else if (member.Nested)
            {
                // An export's filter is the list's query: the same checks, named as the query string names them.
                Check(value, failures, query);
            }
            else if (!InWindow(value))
            {
                failures.Add(new ValidationFailure(member.Property.Name, DateWindow.Message));
            }
            else if (query && HoldsNul(value))
            {
                failures.Add(new ValidationFailure(member.Property.Name, $"“{Label(member.Property)}”含有无法识别的字符。"));
            }
        }
    }

    private static bool InWindow(object value) => value switch
    {
        DateOnly date => DateWindow.Contains(date),
        IEnumerable<DateOnly> dates => dates.All(DateWindow.Contains),
        IEnumerable<DateOnly?> dates => dates.All(d => d is not { } day || DateWindow.Contains(day)),
        _ => true,
    };

    private static bool HoldsNul(object value) => value switch
    {
        string text => text.Contains('\0', StringComparison.Ordinal),
        IEnumerable<string> texts => texts.Any(t => t?.Contains('\0', StringComparison.Ordinal) == true),
        _ => false,
    };

    private static string Label(PropertyInfo property) =>
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver(property.DeclaringType!, property, null!) ?? property.Name;

    private sealed record Member(PropertyInfo Property, bool Required, bool Nested);

    /// <summary>The members worth checking, found once per request type.</summary>
    private static readonly ConcurrentDictionary<Type, Member[]> Cache = new();

    private static Member[] Find(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new Member(
                p,
                Required: !p.PropertyType.IsValueType && nullability.Create(p).ReadState == NullabilityState.NotNull,
                Nested: p.PropertyType.IsClass && p.PropertyType.Assembly == typeof(RequestShape).Assembly))
            .Where(m => m.Required || m.Nested || HoldsDates(m.Property.PropertyType) || HoldsText(m.Property.PropertyType))
            .ToArray();
    }

    private static bool HoldsText(Type type) => type == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(type);

    private static bool HoldsDates(Type type) =>
        type == typeof(DateOnly) || type == typeof(DateOnly?)
        || typeof(IEnumerable<DateOnly>).IsAssignableFrom(type) || typeof(IEnumerable<DateOnly?>).IsAssignableFrom(type);
}
