using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Users;
using MediatR;

namespace Ledger.Application.Notifications;

/// <summary>通知设置: whether the signed-in user also gets reminders by email, and the address.</summary>
[Allowed(Roles.Anyone)]
public sealed record GetMyNotificationSettingsQuery : IQuery<NotificationSettingsDto>;

/// <param name="EmailAvailable">Whether the host has a mail server at all; when not, reminders reach the inbox only.</param>
public sealed record NotificationSettingsDto(string? Email, bool EmailReminders, bool EmailAvailable);

internal sealed class GetMyNotificationSettingsQueryHandler(IUserAccounts accounts, ICurrentUser user, IEmailSender email)
    : IRequestHandler<GetMyNotificationSettingsQuery, NotificationSettingsDto>
{
    public async Task<NotificationSettingsDto> Handle(GetMyNotificationSettingsQuery request, CancellationToken cancellationToken)
    {
        var preferences = await accounts.GetNotificationPreferencesAsync(user.UserId!.Value, cancellationToken);
        return new(preferences.Email, preferences.EmailReminders, email.IsConfigured);
    }
}

/// <summary>Each user turns email reminders on or off for themselves; on needs an address.</summary>
[Allowed(Roles.Anyone)]
public sealed record UpdateMyNotificationSettingsCommand(string? Email, bool EmailReminders) : ICommand<NotificationSettingsDto>;

internal sealed class UpdateMyNotificationSettingsCommandValidator : AbstractValidator<UpdateMyNotificationSettingsCommand>
{
    public UpdateMyNotificationSettingsCommandValidator()
    {
        RuleFor(x => x.Email).MaximumLength(256).WithMessage("邮箱地址过长。")
            .EmailAddress().WithMessage("邮箱地址格式不正确。");
        RuleFor(x => x.Email).NotEmpty().When(x => x.EmailReminders).WithMessage("开启邮件提醒须填写邮箱地址。");
    }
}

internal sealed class UpdateMyNotificationSettingsCommandHandler(IUserAccounts accounts, ICurrentUser user, IEmailSender email)
    : IRequestHandler<UpdateMyNotificationSettingsCommand, NotificationSettingsDto>
{
    public async Task<NotificationSettingsDto> Handle(UpdateMyNotificationSettingsCommand request, CancellationToken cancellationToken)
    {
        var saved = await accounts.SetNotificationPreferencesAsync(
            user.UserId!.Value, new NotificationPreferences(request.Email, request.EmailReminders), cancellationToken);
        return new(saved.Email, saved.EmailReminders, email.IsConfigured);
    }
}
