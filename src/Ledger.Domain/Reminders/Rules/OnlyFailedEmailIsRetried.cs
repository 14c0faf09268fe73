using Ledger.Domain.Common;

namespace Ledger.Domain.Reminders.Rules;

public sealed class OnlyFailedEmailIsRetried(EmailDigestState state) : IBusinessRule
{
    public bool IsBroken() => state != EmailDigestState.Failed;

    public string Message => "只有发送失败的邮件可以重新发送；等待重试的邮件会自动重发。";
}
