namespace Ledger.Application.EvidenceFiles;

/// <summary>Where uploaded evidence files live; the database only keeps the storage key and metadata.</summary>
public interface IEvidenceStore
{
    /// <summary>
    /// Streams the upload to storage while hashing it, so a large file is never held in memory. Size, emptiness
    /// and the type (from the first bytes, via <see cref="EvidenceFileTypes"/>) are checked on the way; on any
    /// failure or cancellation nothing is left behind.
    /// </summary>
    /// <exception cref="EvidenceRejectedException">The file is too large, empty, or not an allowed type.</exception>
    Task<StoredEvidence> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken);

    /// <exception cref="FileNotFoundException">Nothing is stored under the key.</exception>
    /// <exception cref="ArgumentException">The key is not one this store hands out.</exception>
    Stream OpenRead(string storageKey);

    /// <summary>
    /// Undoes a save whose database transaction failed. Stored files are shared by identical uploads, so call it
    /// only when <see cref="StoredEvidence.Created"/> was true. A missing key is not an error.
    /// </summary>
    Task DeleteAsync(string storageKey, CancellationToken cancellationToken);
}

/// <param name="FileName">The user's file name after <see cref="EvidenceFileTypes.SanitiseFileName"/>.</param>
/// <param name="Sha256">Lowercase hex.</param>
/// <param name="Created">True when this save wrote a new file; false when identical content was already stored.</param>
public sealed record StoredEvidence(string StorageKey, string FileName, string Sha256, long SizeBytes, string ContentType, bool Created);

/// <summary>The upload is refused; the message is shown to the user as is.</summary>
/// <param name="tooLarge">The file is over the size limit (413 rather than 400).</param>
public sealed class EvidenceRejectedException(string message, bool tooLarge = false) : Exception(message)
{
    public bool TooLarge { get; } = tooLarge;
}
