using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;

namespace Ledger.Application.Users;

/// <summary>All accounts with their roles, department and state, for the administrator.</summary>
[Allowed(Roles.Admin)]
public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserDto>>;

internal sealed class ListUsersQueryHandler(IUserAccounts accounts) : IRequestHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    public Task<IReadOnlyList<UserDto>> Handle(ListUsersQuery request, CancellationToken cancellationToken) => accounts.ListAsync(null, cancellationToken);
}

/// <summary>The signed-in user's own account: what the UI shows and which menus it offers.</summary>
[Allowed(Roles.Anyone)]
public sealed record GetCurrentUserQuery : IQuery<UserDto>;

internal sealed class GetCurrentUserQueryHandler(IUserAccounts accounts, ICurrentUser user) : IRequestHandler<GetCurrentUserQuery, UserDto>
{
    public async Task<UserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken) =>
        (await accounts.ListAsync(user.UserId, cancellationToken)).SingleOrDefault() ?? throw new NotFoundException("账号");
}
