using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Organisation;
using MediatR;

namespace Ledger.Application.Users;

/// <summary>
/// Changes an account's name, roles, department or leader record, or disables it; a disabled account cannot sign in.
/// Refused when the account changed since <see cref="Version"/> was read, so two administrators never overwrite each other.
/// </summary>
[Allowed(Common.Security.Roles.Admin)]
public sealed record UpdateUserCommand(
    Guid Id, Guid Version, string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? DepartmentId, Guid? PersonId, bool IsActive)
    : ICommand<UserDto>
{
    internal UserDetails Details => new(UserName, DisplayName, Roles, DepartmentId, PersonId);
}

internal sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(x => x.Version).RequiredId();
        UserRules.ForDetails(this, x => x.Details);
    }
}

internal sealed class UpdateUserCommandHandler(ILedgerDbContext db, IUserAccounts accounts, ICurrentUser user) : IRequestHandler<UpdateUserCommand, UserDto>
{
    public async Task<UserDto> Handle(UpdateUserCommand request, CancellationToken cancellationToken)
    {
        if (request.Id == user.UserId && (!request.IsActive || !request.Roles.Contains(Common.Security.Roles.Admin)))
        {
            throw Common.Exceptions.FieldValidation.Error("roles", "不能停用自己的账号或取消自己的系统管理员角色。");
        }

        await References.DepartmentAsync(db, request.DepartmentId, "departmentId", cancellationToken);
        await References.PersonAsync(db, request.PersonId, "personId", request.Roles.Contains(Common.Security.Roles.Leader), cancellationToken);
        return await accounts.UpdateAsync(request.Id, request.Version, request.Details, request.IsActive, cancellationToken);
    }
}
