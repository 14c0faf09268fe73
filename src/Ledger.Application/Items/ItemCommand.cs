using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
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
    protected ILedgerDbContext Db => db;

    /// <summary>Who in the item's scope may send this command.</summary>
    protected abstract ItemRight Right { get; }

    public async Task<ItemState> Handle(T request, CancellationToken cancellationToken)
    {
        await ItemAccess.DemandAsync(db, context.User, request.Id, Right, cancellationToken);
        var item = await db.Items.ForUpdate().LoadForUpdateAsync(request.Id, request.Version, ItemLoading.What, cancellationToken);
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
        items.Include(i => i.Measures).Include(i => i.Evidence).Include(i => i.CoDepartments).AsSplitQuery();
}
