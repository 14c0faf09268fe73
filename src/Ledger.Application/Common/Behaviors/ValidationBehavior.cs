using FluentValidation;
using Ledger.Application.Common.Validation;
using MediatR;

namespace Ledger.Application.Common.Behaviors;

/// <summary>
/// Checks the request's shape (<see cref="RequestShape"/>: members present, dates in range), then runs its validators;
/// any failure stops the request before its handler runs. A misshapen request stops before the validators, whose rules
/// may assume what the shape guarantees.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = RequestShape.Check(request);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}
