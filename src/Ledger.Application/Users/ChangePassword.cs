using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;

namespace Ledger.Application.Users;

/// <summary>Users change their own password, which is also how a first or reset password is replaced.</summary>
[Allowed(Roles.Anyone)]
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand<Unit>;

internal sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("请填写当前密码。");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请填写新密码。")
            .NotEqual(x => x.CurrentPassword).WithMessage("新密码不能与当前密码相同。");
    }
}

internal sealed class ChangePasswordCommandHandler(IUserAccounts accounts, ICurrentUser user) : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        await accounts.ChangePasswordAsync(user.UserId!.Value, request.CurrentPassword, request.NewPassword, cancellationToken);
        return Unit.Value;
    }
}
