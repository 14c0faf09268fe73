using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Organisation;
using MediatR;

namespace Ledger.Application.Users;

/// <summary>An administrator opens an account; there is no self-registration. The user changes the password at first sign-in.</summary>
[Allowed(Common.Security.Roles.Admin)]
public sealed record CreateUserCommand(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? DepartmentId, Guid? PersonId, string Password, bool MustChangePassword = true)
    : ICommand<UserDto>
{
    internal UserDetails Details => new(UserName, DisplayName, Roles, DepartmentId, PersonId);
}

internal sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        UserRules.ForDetails(this, x => x.Details);
        RuleFor(x => x.Password).NotEmpty().WithMessage("请设置初始密码。");
    }
}

internal sealed class CreateUserCommandHandler(ILedgerDbContext db, IUserAccounts accounts) : IRequestHandler<CreateUserCommand, UserDto>
{
    public async Task<UserDto> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        await References.DepartmentAsync(db, request.DepartmentId, "departmentId", cancellationToken);
        await References.PersonAsync(db, request.PersonId, "personId", request.Roles.Contains(Common.Security.Roles.Leader), cancellationToken);
        return await accounts.CreateAsync(request.Details, request.Password, request.MustChangePassword, cancellationToken);
    }
}
