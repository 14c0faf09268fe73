namespace Ledger.Application.Common;

/// <summary>The person sending the request, as the history and audit trail name them.</summary>
public interface ICurrentUser
{
    string Name { get; }
}
