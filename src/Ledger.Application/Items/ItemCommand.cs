using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Items.Rules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>A change to one item, made against the version the user read.</summary>
public interface IItemCommand : Common.Messaging.ICommand<ItemState>
{
    Guid Id { get; }

    Guid Version { get; }
}

internal class ItemCommandValidator<T> : AbstractValidator<T>
    where T : IItemCommand
{
    public ItemCommandValidator() => RuleFor(x => x.Version).RequiredId();
}

/// <summary>The shape every item command shares: load the aggregate at the user's version, apply one change, report the new state.</summary>
internal abstract class ItemCommandHandler<T>(ILedgerDbContext db, RequestContext context) : IRequestHandler<T, ItemState>
    where T : IItemCommand
{
    private static readonly ItemSteps.Step Step = ItemSteps.Of(typeof(T));

    protected ILedgerDbContext Db => db;

    public async Task<ItemState> Handle(T request, CancellationToken cancellationToken)
    {
        await ItemAccess.DemandAsync(db, context.User, request.Id, Step.Right, cancellationToken);
        var item = await db.Items.ForUpdate().LoadForUpdateAsync(request.Id, request.Version, ItemLoading.What, cancellationToken);

        // The domain checks this again; checking first lets a handler do outside work (store a file) only when it can succeed.
        BusinessRules.Check(new ActionMustBeAllowed(Step.Action, item.Status));
        await ApplyAsync(item, request, context, cancellationToken);
        return ItemState.Of(item);
    }

    protected abstract Task ApplyAsync(RectificationItem item, T request, RequestContext context, CancellationToken cancellationToken);
}

internal static class ItemLoading
{
    public const string What = "整改事项";

    /// <summary>An item with the parts its rules read; history and progress are append-only and stay unloaded.</summary>
    public static IQueryable<RectificationItem> ForUpdate(this DbSet<RectificationItem> items) =>
        items.Include(i => i.Measures).Include(i => i.Evidence).Include(i => i.CoDepartments).Include(i => i.Extensions).Include(i => i.Instructions).AsSplitQuery();
}
