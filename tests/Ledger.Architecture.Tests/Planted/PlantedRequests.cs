using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using MediatR;

namespace Ledger.Architecture.Tests.Planted.Requests;

/// <summary>A command nobody may send: it names no roles.</summary>
public sealed record CommandWithoutRoles(Guid Id) : ICommand<int>;

/// <summary>A query straight on MediatR's interface, without roles.</summary>
public sealed class QueryWithoutRoles : IRequest<string>;

[Allowed(Roles.Anyone)]
public sealed record QueryForAnyone : IQuery<int>;

/// <summary>A base of requests is not itself sent: the rule asks the concrete ones.</summary>
public abstract record RequestBase : IQuery<int>;

[Allowed(Roles.Office)]
public sealed record ConcreteRequest : RequestBase;
