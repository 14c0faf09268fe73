using System.Reflection;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>Every item command's step, right and roles, read once from their attributes.</summary>
internal static class ItemSteps
{
    private static readonly Dictionary<Type, Step> ByCommand = typeof(ItemSteps).Assembly.GetTypes()
        .Select(t => (Type: t, Step: t.GetCustomAttribute<ItemStepAttribute>()))
        .Where(x => x.Step is not null)
        .ToDictionary(
            x => x.Type,
            x => new Step(x.Type, x.Step!.Action, x.Step.Right));

    public static Step Of(Type command) =>
        ByCommand.TryGetValue(command, out var step)
            ? step
            : throw new InvalidOperationException($"{command.Name} changes an item but does not say which step it is ([ItemStep]).");

    /// <summary>
    /// The steps this user may take on the item now: their role sends the command, their scope gives the right, the
    /// lifecycle allows it in the item's status, and the item's own state does not rule it out.
    /// </summary>
    public static IReadOnlyList<ItemAction> AvailableTo(ICurrentUser user, ItemParties parties, ItemStatus status, Func<ItemAction, bool> stateAllows, bool allLeadersApprove) =>
        ByCommand.Values
            .Where(s => user.MaySend(s.Command)
                && ItemLifecycle.IsAllowed(s.Action, status)
                && stateAllows(s.Action)
                && ItemAccess.Can(user, parties, s.Right, allLeadersApprove))
            .Select(s => s.Action)
            .Distinct()
            .Order()
            .ToList();

    internal sealed record Step(Type Command, ItemAction Action, ItemRight Right);
}
