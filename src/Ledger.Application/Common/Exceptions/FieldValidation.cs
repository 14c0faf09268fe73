using FluentValidation;
using FluentValidation.Results;

namespace Ledger.Application.Common.Exceptions;

/// <summary>A bad value found by a handler (e.g. a department that does not exist), reported like a validator's.</summary>
public static class FieldValidation
{
    public static ValidationException Error(string field, string message) =>
        new([new ValidationFailure(field, message)]);
}
