namespace Ledger.Application.Common.Exceptions;

/// <summary>Someone else changed the record since the user read it: refused, never silently overwritten.</summary>
public sealed class ConcurrencyConflictException(Guid? currentVersion)
    : Exception("该记录已被他人修改，请刷新后查看最新内容再操作。")
{
    public Guid? CurrentVersion { get; } = currentVersion;
}
