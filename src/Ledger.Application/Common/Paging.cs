namespace Ledger.Application.Common;

/// <summary>One page of a list and the total number of rows matching its filters.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

/// <summary>An id and the version to send with the next change.</summary>
public sealed record Saved(Guid Id, Guid Version);
