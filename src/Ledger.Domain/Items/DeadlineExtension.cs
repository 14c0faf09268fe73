using Ledger.Domain.Common;

namespace Ledger.Domain.Items;

public enum ExtensionDecision
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>延期申请: a department asks for a later deadline with a reason; a leader decides. The old date stays here.</summary>
public sealed class DeadlineExtension
{
    private DeadlineExtension()
    {
        Reason = string.Empty;
        RequestedBy = string.Empty;
    }

    internal DeadlineExtension(Guid itemId, DateOnly previousDate, DateOnly requestedDate, string reason, ChangeStamp stamp)
    {
        Id = Guid.CreateVersion7();
        ItemId = itemId;
        PreviousDate = previousDate;
        RequestedDate = requestedDate;
        Reason = Text.Required(reason, "Reason");
        RequestedBy = stamp.Actor;
        RequestedAt = stamp.At;
    }

    public Guid Id { get; private init; }

    public Guid ItemId { get; private init; }

    /// <summary>The deadline when the request was made.</summary>
    public DateOnly PreviousDate { get; private init; }

    public DateOnly RequestedDate { get; private init; }

    public string Reason { get; private init; }

    public string RequestedBy { get; private init; }

    public DateTime RequestedAt { get; private init; }

    public ExtensionDecision Decision { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    internal void Decide(bool approve, string? reason, ChangeStamp stamp)
    {
        Decision = approve ? ExtensionDecision.Approved : ExtensionDecision.Rejected;
        DecidedBy = stamp.Actor;
        DecidedAt = stamp.At;
        DecisionReason = Text.Clean(reason);
    }
}
