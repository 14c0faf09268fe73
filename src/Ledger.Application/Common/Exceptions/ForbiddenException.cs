namespace Ledger.Application.Common.Exceptions;

/// <summary>The user may see the record but not do this to it; answered 403.</summary>
public sealed class ForbiddenException(string message = "您没有权限进行此操作。") : Exception(message);
