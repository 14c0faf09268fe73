using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Architecture.Tests.Planted.Domain;

/// <summary>An entity that knows its table: persistence leaking into the domain.</summary>
[Index(nameof(Title))]
public sealed class EntityWithAnIndex
{
    public string Title { get; set; } = string.Empty;
}

/// <summary>A rule that asks the application for a service.</summary>
public sealed class RuleAskingTheApplication(Ledger.Application.Common.ICurrentUser user)
{
    public string Who => user.Name;
}

/// <summary>Depends on the domain only, as every domain type must: the rule must not report it.</summary>
public sealed class PlainEntity(ChangeStamp stamp)
{
    public ChangeStamp Stamp { get; } = stamp;
}
