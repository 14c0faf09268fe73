using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Ledger.Application.EvidenceFiles;

namespace Ledger.Infrastructure.EvidenceFiles;

/// <summary>
/// Evidence files in a local folder, named by their SHA-256: identical uploads share one file, and a file once
/// stored never changes. Uploads land in <c>.incoming</c> first so that a half-written file is never visible
/// under a storage key.
/// </summary>
public sealed partial class LocalEvidenceStore : IEvidenceStore
{
    private const string IncomingFolder = ".incoming";

    // Below the large object heap threshold, and big enough that a 50 MB upload takes few round trips.
    private const int BufferSize = 64 * 1024;

    private readonly string _root;
    private readonly string _incoming;
    private readonly EvidenceOptions _options;

    public LocalEvidenceStore(string rootDirectory, EvidenceOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(options);
        _root = Path.GetFullPath(rootDirectory);
        _incoming = Path.Combine(_root, IncomingFolder);
        _options = options;
    }

    public async Task<StoredEvidence> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = EvidenceFileTypes.SanitiseFileName(fileName);

        Directory.CreateDirectory(_incoming);
        var temporary = Path.Combine(_incoming, Guid.NewGuid().ToString("N") + ".part");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[EvidenceFileTypes.HeadLength];
            var headLength = 0;
            string? contentType = null;
            long size = 0;

            await using (var output = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
                BufferSize = 0,
            }))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    // Some streams ignore the token; without this a cancelled upload would still be read to the end.
                    cancellationToken.ThrowIfCancellationRequested();

                    size += read;
                    if (size > _options.MaxBytes)
                    {
                        throw new EvidenceRejectedException($"文件超过 {DescribeSize(_options.MaxBytes)} 的大小上限，请压缩或拆分后再上传。", tooLarge: true);
                    }

                    if (contentType is null)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;

                        // Checked as soon as the head is in, so a disguised executable is refused before it is written out.
                        if (headLength == head.Length)
                        {
                            contentType = EvidenceFileTypes.Check(name, head, _options);
                        }
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await output.FlushAsync(cancellationToken);
            }

            if (size == 0)
            {
                throw new EvidenceRejectedException("文件是空的，请选择有内容的文件。");
            }

            contentType ??= EvidenceFileTypes.Check(name, head.AsSpan(0, headLength), _options);
            cancellationToken.ThrowIfCancellationRequested();

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var storageKey = $"{sha256[..2]}/{sha256}";
            var created = MoveIntoPlace(temporary, PathOf(storageKey));
            return new StoredEvidence(storageKey, name, sha256, size, contentType, created);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);

            // After a successful move there is nothing here; otherwise this removes the partial or duplicate upload.
            DeleteQuietly(temporary);
        }
    }

    /// <summary>Writes and removes a file where uploads land: the folder (a shared one, on several nodes) is there and writable.</summary>
    /// <exception cref="IOException">It is not.</exception>
    /// <exception cref="UnauthorizedAccessException">This process may not write there.</exception>
    public void Probe()
    {
        Directory.CreateDirectory(_incoming);
        var probe = Path.Combine(_incoming, Guid.NewGuid().ToString("N") + ".probe");
        File.WriteAllBytes(probe, [1]);
        File.Delete(probe);
    }

    public Stream OpenRead(string storageKey)
    {
        var path = PathOf(storageKey);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (DirectoryNotFoundException e)
        {
            // The shard folder is created on first use; its absence means the same to callers as a missing file.
            throw new FileNotFoundException("Evidence file not found.", storageKey, e);
        }
    }

    /// <remarks>
    /// The token is deliberately not honoured: this runs to undo a save after a failed or cancelled request,
    /// when the request's token is typically already cancelled, and the delete itself is a single quick call.
    /// </remarks>
    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken)
    {
        var path = PathOf(storageKey);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored in this shard.
        }

        return Task.CompletedTask;
    }

    /// <returns>Whether the file was new; false when identical content was already stored.</returns>
    private static bool MoveIntoPlace(string temporary, string destination)
    {
        if (File.Exists(destination))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            // Never overwrites, so a concurrent identical upload cannot replace a file that is already referenced.
            File.Move(temporary, destination, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(destination))
        {
            return false;
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Must not hide the exception that brought us here; a leftover in .incoming is harmless.
        }
    }

    private static string DescribeSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} 字节"),
    };

    /// <exception cref="ArgumentException">The key is not one this store hands out (e.g. "../x").</exception>
    private string PathOf(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);

        // The key reaches us from the database, but treating it as untrusted keeps a path traversal impossible.
        if (!StorageKeyPattern().IsMatch(storageKey) || !storageKey.AsSpan(0, 2).SequenceEqual(storageKey.AsSpan(3, 2)))
        {
            throw new ArgumentException("Not a valid evidence storage key.", nameof(storageKey));
        }

        return Path.Combine(_root, storageKey[..2], storageKey[3..]);
    }

    // \z rather than $: $ would also accept a trailing newline.
    [GeneratedRegex(@"^[0-9a-f]{2}/[0-9a-f]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StorageKeyPattern();
}
