using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using MediatR;

namespace Ledger.Application.Common.Behaviors;

/// <summary>Refuses a request whose <see cref="AllowedAttribute"/> does not name one of the user's roles.</summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        return user.MaySend(typeof(TRequest)) ? next() : throw new ForbiddenException();
    }
}
