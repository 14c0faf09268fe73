using FluentValidation;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using MediatR;

namespace Ledger.Application.Users;

/// <summary>
/// An administrator sets a new password for a user who lost theirs; it must be changed at next sign-in. Refused when the
/// account changed since <see cref="Version"/> was read, so a second reset never silently replaces the password just handed over.
/// </summary>
[Allowed(Roles.Admin)]
public sealed record ResetPasswordCommand(Guid Id, Guid Version, string NewPassword) : ICommand<Unit>;

internal sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator()
    {
        RuleFor(x => x.Version).RequiredId();
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请填写新密码。");
    }
}

internal sealed class ResetPasswordCommandHandler(IUserAccounts accounts) : IRequestHandler<ResetPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        await accounts.ResetPasswordAsync(request.Id, request.Version, request.NewPassword, cancellationToken);
        return Unit.Value;
    }
}
