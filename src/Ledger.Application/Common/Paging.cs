using FluentValidation;

namespace Ledger.Application.Common;

/// <summary>One page of a list and the total number of rows matching its filters.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

/// <summary>An id and the version to send with the next change.</summary>
public sealed record Saved(Guid Id, Guid Version);

/// <summary>A query that reads one page of a list.</summary>
public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }
}

/// <summary>
/// The page rules every list shares; a list only chooses its largest page. Pages stop at <see cref="MaxPage"/>, so the
/// rows skipped, <c>(page - 1) * pageSize</c>, stay within an <see cref="int"/> for any page size a list allows.
/// </summary>
internal sealed class PageRules<T> : AbstractValidator<T>
    where T : IPagedQuery
{
    public const int MaxPage = 1_000_000;

    public PageRules(int maxPageSize)
    {
        RuleFor(x => x.Page).InclusiveBetween(1, Math.Min(MaxPage, int.MaxValue / maxPageSize));
        RuleFor(x => x.PageSize).InclusiveBetween(1, maxPageSize);
    }
}
