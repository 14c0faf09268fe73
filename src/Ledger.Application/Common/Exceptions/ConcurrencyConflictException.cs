namespace Ledger.Application.Common.Exceptions;

/// <summary>Someone else changed the record since the user read it: refused, never silently overwritten.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(Guid? currentVersion)
        : base("该记录已被他人修改，请刷新后查看最新内容再操作。") => CurrentVersion = currentVersion;

    /// <summary>Several records read together, some of which changed since: <paramref name="message"/> names them.</summary>
    public ConcurrencyConflictException(string message, IReadOnlyList<Guid> changedIds)
        : base(message) => ChangedIds = changedIds;

    public Guid? CurrentVersion { get; }

    public IReadOnlyList<Guid> ChangedIds { get; } = [];
}
