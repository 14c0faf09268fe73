using Ledger.Domain.Common;

namespace Ledger.Domain.Items;

/// <summary>领导批示: a leader's instruction on an item, shown at its top and to its lead department until they mark it 已阅.</summary>
public sealed class LeaderInstruction
{
    private LeaderInstruction()
    {
        Text = string.Empty;
        GivenBy = string.Empty;
    }

    internal LeaderInstruction(Guid itemId, string text, ChangeStamp stamp)
    {
        Id = Guid.CreateVersion7();
        ItemId = itemId;
        Text = Common.Text.Required(text, "Text");
        GivenBy = stamp.Actor;
        GivenAt = stamp.At;
    }

    public Guid Id { get; private init; }

    public Guid ItemId { get; private init; }

    public string Text { get; private init; }

    public string GivenBy { get; private init; }

    public DateTime GivenAt { get; private init; }

    /// <summary>When the lead department marked it 已阅; until then it waits in their 我的待办.</summary>
    public DateTime? ReadAt { get; private set; }

    public string? ReadBy { get; private set; }

    internal void Read(ChangeStamp stamp)
    {
        ReadAt = stamp.At;
        ReadBy = stamp.Actor;
    }
}
