using Ledger.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Components;

namespace Ledger.Architecture.Tests.Planted.Components;

/// <summary>A page querying the database itself: no roles, no scope, a context living as long as the circuit.</summary>
public sealed class PageWithTheDatabase : ComponentBase
{
    [Inject]
    public LedgerDbContext Db { get; set; } = null!;
}

/// <summary>A page sending through the mediator of its circuit's scope instead of <c>UiSender</c>'s scope per request.</summary>
public sealed class PageWithTheMediator : ComponentBase
{
    [Inject]
    public IMediator Mediator { get; set; } = null!;
}

/// <summary>Shows a request's answer: allowed.</summary>
public sealed class PageShowingAnAnswer : ComponentBase
{
    [Parameter]
    public Ledger.Application.Items.ItemState? Item { get; set; }
}
