using Ledger.Domain.Common;

namespace Ledger.Domain.Rounds;

/// <summary>
/// The document a round was imported from, kept as it came with its SHA-256: the same document
/// imported twice is recognised by its hash instead of creating a second round.
/// </summary>
public sealed class SourceDocument
{
    private SourceDocument()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        Content = [];
        ImportedBy = string.Empty;
    }

    public Guid Id { get; private init; }

    public Guid RoundId { get; private init; }

    public string FileName { get; private init; }

    /// <summary>Lower-case hex of the SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; private init; }

    public byte[] Content { get; private init; }

    public DateTime ImportedAt { get; private init; }

    public string ImportedBy { get; private init; }

    public static SourceDocument Create(Guid roundId, string fileName, string sha256, byte[] content, ChangeStamp stamp) => new()
    {
        Id = Guid.CreateVersion7(),
        RoundId = roundId,
        FileName = Text.Required(Path.GetFileName(fileName), "FileName"),
        Sha256 = Text.Required(sha256, "Sha256"),
        Content = content,
        ImportedAt = stamp.At,
        ImportedBy = stamp.Actor,
    };
}
