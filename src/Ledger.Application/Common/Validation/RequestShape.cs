using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;
using Ledger.Domain.Common;

namespace Ledger.Application.Common.Validation;

/// <summary>
/// What every request must satisfy before its own validator runs, checked once here rather than in each validator:
/// a member declared non-nullable is present (a JSON body of <c>{}</c> leaves lists and strings null, which the
/// request's own rules would then dereference), and every date, alone or in a list, lies in <see cref="DateWindow"/>.
/// Filters bound from a query string are requests too, so this covers them as well.
/// </summary>
internal static class RequestShape
{
    public static List<ValidationFailure> Check<TRequest>(TRequest request)
    {
        var failures = new List<ValidationFailure>();
        Check(request, failures);
        return failures;
    }

    private static void Check(object? request, List<ValidationFailure> failures)
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
                Check(value, failures);
            }
            else if (!InWindow(value))
            {
                failures.Add(new ValidationFailure(member.Property.Name, DateWindow.Message));
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
            .Where(m => m.Required || m.Nested || HoldsDates(m.Property.PropertyType))
            .ToArray();
    }

    private static bool HoldsDates(Type type) =>
        type == typeof(DateOnly) || type == typeof(DateOnly?)
        || typeof(IEnumerable<DateOnly>).IsAssignableFrom(type) || typeof(IEnumerable<DateOnly?>).IsAssignableFrom(type);
}
