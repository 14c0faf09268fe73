namespace Ledger.Domain.Common;

/// <summary>Thrown when a command would break a domain rule. <see cref="Code"/> names the rule for API clients.</summary>
public sealed class BusinessRuleViolationException : Exception
{
    public BusinessRuleViolationException(IBusinessRule rule)
        : base(rule.Message)
    {
        Code = rule.GetType().Name;
    }

    public string Code { get; }
}
