namespace Ledger.Domain.Common;

/// <summary>
/// An entity that is itself the record of what happened (a reminder sent, a message delivered): the audit record of
/// the command that writes many of them counts them instead of copying each one.
/// </summary>
public interface IRecordOfItself;
