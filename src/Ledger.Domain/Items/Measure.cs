using Ledger.Domain.Common;

namespace Ledger.Domain.Items;

/// <summary>整改措施: a concrete step of an item with its own lead department and due date.</summary>
public sealed class Measure
{
    private Measure()
    {
        Text = string.Empty;
    }

    internal Measure(Guid itemId, int sequence, string text, Guid? leadDepartmentId, DateOnly? dueDate)
    {
        Id = Guid.CreateVersion7();
        ItemId = itemId;
        Sequence = sequence;
        Text = Common.Text.Required(text, "Text");
        LeadDepartmentId = leadDepartmentId;
        DueDate = dueDate;
    }

    public Guid Id { get; private init; }

    public Guid ItemId { get; private init; }

    /// <summary>1-based: 一是 is 1.</summary>
    public int Sequence { get; private init; }

    public string Text { get; private set; }

    public Guid? LeadDepartmentId { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? CompletedBy { get; private set; }

    public bool IsDone => CompletedOn is not null;

    /// <summary>The office's checklist: this measure needs evidence of its own before the item may be closed out.</summary>
    public bool EvidenceRequired { get; private set; }

    internal void RequireEvidence(bool required) => EvidenceRequired = required;

    internal void Complete(DateOnly completedOn, ChangeStamp stamp)
    {
        CompletedOn = completedOn;
        CompletedBy = stamp.Actor;
    }
}
