using Ledger.Domain.Common;

namespace Ledger.Domain.Reminders.Rules;

/// <summary>A 催办 nobody receives would be recorded as sent and chase no one: the office is told to open an account instead.</summary>
public sealed class ChaseMustReachSomeone(int recipients) : IBusinessRule
{
    public bool IsBroken() => recipients == 0;

    public string Message => "该事项的责任人和牵头部门负责人都没有账号，催办无人接收。请先开通账号或调整责任分工。";
}
