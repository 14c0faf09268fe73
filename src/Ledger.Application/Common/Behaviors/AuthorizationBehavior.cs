using System.Collections.Concurrent;
using System.Reflection;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using MediatR;

namespace Ledger.Application.Common.Behaviors;

/// <summary>Refuses a request whose <see cref="AllowedAttribute"/> does not name one of the user's roles.</summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> Allowed = new();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var roles = Allowed.GetOrAdd(typeof(TRequest), t => t.GetCustomAttribute<AllowedAttribute>()?.Roles ?? []);
        var allowed = user.IsSystem || (user.UserId is not null && (roles.Contains(Roles.Anyone) || user.IsIn(roles)));
        return allowed ? next() : throw new ForbiddenException();
    }
}
