namespace Ledger.Domain.Items;

/// <summary>What an entry of an item's history records.</summary>
public enum ItemChange
{
    Created = 0,
    Edited = 1,
    Assigned = 2,
    DeadlineChanged = 3,
    StatusChanged = 4,
    MeasureAdded = 5,
    MeasureCompleted = 6,
    ProgressReported = 7,
    EvidenceAttached = 8,
    CloseOutReviewed = 9,
    Acknowledged = 10,
    EvidenceWithdrawn = 11,
    ExtensionRequested = 12,
    ExtensionDecided = 13,
    EvidenceChecklistChanged = 14,
    Chased = 15,
    Instructed = 16,
    InstructionsRead = 17,
    Supervised = 18,
}
