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

/// <summary>The page rules every list shares; a list only chooses its largest page.</summary>
internal sealed class PageRules<T> : AbstractValidator<T>
    where T : IPagedQuery
{
    public PageRules(int maxPageSize)
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, maxPageSize);
    }
}
