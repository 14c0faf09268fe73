using Ledger.Domain.Common;

namespace Ledger.Domain.Items;

/// <summary>佐证材料: a file proving the work, identified by its SHA-256. Immutable once submitted.</summary>
public sealed class Evidence
{
    private Evidence()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
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

    public string? Note { get; private init; }

    /// <summary>When the proof applies (e.g. a meeting's date), apart from the upload time.</summary>
    public DateOnly EffectiveDate { get; private init; }

    public string UploadedBy { get; private init; }

    public DateTime UploadedAt { get; private init; }
}

public sealed record EvidenceFile(string FileName, string Sha256, long SizeBytes);
