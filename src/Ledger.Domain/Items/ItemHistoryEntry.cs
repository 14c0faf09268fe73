namespace Ledger.Domain.Items;

/// <summary>One line of an item's history: who, when, what (before → after), why. Never changed once written.</summary>
public sealed class ItemHistoryEntry
{
    private ItemHistoryEntry()
    {
        Actor = string.Empty;
        Summary = string.Empty;
    }

    internal ItemHistoryEntry(Guid itemId, ItemChange change, string summary, string? from, string? to, string? reason, Common.ChangeStamp stamp)
    {
        Id = Guid.CreateVersion7();
        ItemId = itemId;
        Change = change;
        Summary = summary;
        From = from;
        To = to;
        Reason = reason;
        Actor = stamp.Actor;
        At = stamp.At;
    }

    public Guid Id { get; private init; }

    public Guid ItemId { get; private init; }

    public DateTime At { get; private init; }

    public string Actor { get; private init; }

    public ItemChange Change { get; private init; }

    /// <summary>What happened, in the users' words.</summary>
    public string Summary { get; private init; }

    public string? From { get; private init; }

    public string? To { get; private init; }

    public string? Reason { get; private init; }
}
