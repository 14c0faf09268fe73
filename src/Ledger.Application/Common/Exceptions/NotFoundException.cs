namespace Ledger.Application.Common.Exceptions;

/// <summary>The record does not exist or is outside the user's scope: both answer 404, so nothing leaks.</summary>
public sealed class NotFoundException(string what) : Exception($"{what}不存在或无权查看。")
{
    public string What { get; } = what;
}
