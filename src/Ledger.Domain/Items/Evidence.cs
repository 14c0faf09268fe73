using Ledger.Domain.Common;

namespace Ledger.Domain.Items;

/// <summary>
/// 佐证材料: a stored file proving the work, identified by its SHA-256. Never changed: before a close-out request it
/// may be withdrawn (recorded, the file kept); once a request relied on it, it stays on record for good.
/// </summary>
public sealed class Evidence
{
    private Evidence()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        StorageKey = string.Empty;
        ContentType = string.Empty;
        UploadedBy = string.Empty;
    }

    internal Evidence(Guid itemId, Guid? measureId, EvidenceFile file, string? note, DateOnly effectiveDate, ChangeStamp stamp)
    {
        Id = Guid.CreateVersion7();
        ItemId = itemId;
        MeasureId = measureId;
        FileName = Text.Required(file.FileName, "FileName");
        Sha256 = Text.Required(file.Sha256, "Sha256");
        SizeBytes = file.SizeBytes;
        StorageKey = Text.Required(file.StorageKey, "StorageKey");
        ContentType = Text.Required(file.ContentType, "ContentType");
        Note = Text.Clean(note);
        EffectiveDate = effectiveDate;
        UploadedBy = stamp.Actor;
        UploadedAt = stamp.At;
    }

    public Guid Id { get; private init; }

    public Guid ItemId { get; private init; }

    public Guid? MeasureId { get; private init; }

    public string FileName { get; private init; }

    public string Sha256 { get; private init; }

    public long SizeBytes { get; private init; }

    /// <summary>Where the file store keeps the bytes.</summary>
    public string StorageKey { get; private init; }

    public string ContentType { get; private init; }

    public string? Note { get; private init; }

    /// <summary>When the proof applies (e.g. a meeting's date), apart from the upload time.</summary>
    public DateOnly EffectiveDate { get; private init; }

    public string UploadedBy { get; private init; }

    public DateTime UploadedAt { get; private init; }

    /// <summary>When a close-out request first relied on this evidence; from then on it cannot be withdrawn.</summary>
    public DateTime? SubmittedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public string? WithdrawnBy { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    internal void MarkSubmitted(DateTime at) => SubmittedAt ??= at;

    internal void Withdraw(string reason, ChangeStamp stamp)
    {
        WithdrawnAt = stamp.At;
        WithdrawnBy = stamp.Actor;
        WithdrawalReason = reason.Trim();
    }
}

/// <param name="Sha256">Lowercase hex of the file's bytes.</param>
public sealed record EvidenceFile(string FileName, string Sha256, long SizeBytes, string StorageKey, string ContentType);
