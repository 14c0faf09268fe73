using MediatR;

namespace Ledger.Application.Common.Messaging;

/// <summary>A request that changes state: it runs in one transaction and leaves one audit record.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads: projected to DTOs, untracked, no transaction.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>A command that changes many aggregates alike: the audit trail keeps one record for each, findable by its id.</summary>
public interface IAuditedPerAggregate;

/// <summary>A command whose user gives a reason; the audit record keeps it.</summary>
public interface IHasReason
{
    string? Reason { get; }
}
