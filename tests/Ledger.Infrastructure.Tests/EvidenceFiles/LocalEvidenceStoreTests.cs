using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Ledger.Application.EvidenceFiles;
using Ledger.Infrastructure.EvidenceFiles;

namespace Ledger.Infrastructure.Tests.EvidenceFiles;

public sealed class LocalEvidenceStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ledger-tests", Guid.NewGuid().ToString("N"));

    public static TheoryData<string, byte[], string> GoodFiles => new()
    {
        { "整改报告.pdf", Pdf(3000), "application/pdf" },
        { "台账.docx", Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "现场照片.png", Png(), "image/png" },
        { "说明.txt", Encoding.UTF8.GetBytes("整改情况说明：已于 2025 年 1 月完成。"), "text/plain" },
        { "小.pdf", "%PDF-"u8.ToArray(), "application/pdf" },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public async Task Good_files_are_stored_under_their_sha256(string name, byte[] content, string contentType)
    {
        var store = Store();

        var stored = await store.SaveAsync(new MemoryStream(content), name, CancellationToken.None);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(sha256, stored.Sha256);
        Assert.Equal($"{sha256[..2]}/{sha256}", stored.StorageKey);
        Assert.Equal(content.Length, stored.SizeBytes);
        Assert.Equal(contentType, stored.ContentType);
        Assert.Equal(name, stored.FileName);
        Assert.True(stored.Created);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(_root, sha256[..2], sha256)));
        AssertNothingIncoming();
    }

    [Fact]
    public async Task A_stored_file_reads_back_unchanged()
    {
        var content = Pdf(200_000);
        var stored = await Store().SaveAsync(new MemoryStream(content), "a.pdf", CancellationToken.None);

        await using var read = Store().OpenRead(stored.StorageKey);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task The_same_content_twice_shares_one_file_and_only_the_first_save_created_it()
    {
        var store = Store();
        var content = Pdf(5000);

        var first = await store.SaveAsync(new MemoryStream(content), "第一次.pdf", CancellationToken.None);
        var second = await store.SaveAsync(new MemoryStream(content), "第二次.pdf", CancellationToken.None);

        Assert.Equal(first.StorageKey, second.StorageKey);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal("第二次.pdf", second.FileName);
        Assert.Single(StoredFiles());
        AssertNothingIncoming();
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_kept()
    {
        var store = Store(new EvidenceOptions { MaxBytes = 1024 });

        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(
            () => store.SaveAsync(new MemoryStream(Pdf(1025)), "大.pdf", CancellationToken.None));

        Assert.Contains("1 KB", error.Message, StringComparison.Ordinal);
        AssertNothingIncoming();
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var store = Store(new EvidenceOptions { MaxBytes = 1024 });

        var stored = await store.SaveAsync(new MemoryStream(Pdf(1024)), "刚好.pdf", CancellationToken.None);

        Assert.Equal(1024, stored.SizeBytes);
    }

    [Fact]
    public async Task A_sixty_megabyte_upload_is_refused_as_soon_as_it_passes_fifty()
    {
        var store = Store(new EvidenceOptions { MaxBytes = 50 * 1024 * 1024 });
        var upload = new GeneratedStream(60L * 1024 * 1024, "%PDF-1.7\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(
            () => store.SaveAsync(upload, "巨大.pdf", CancellationToken.None));

        Assert.Contains("50 MB", error.Message, StringComparison.Ordinal);
        Assert.True(upload.Served < 51L * 1024 * 1024, $"read {upload.Served} bytes before stopping");
        AssertNothingIncoming();
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(
            () => Store().SaveAsync(new MemoryStream(), "空.pdf", CancellationToken.None));

        Assert.Contains("文件是空的", error.Message, StringComparison.Ordinal);
        AssertNothingIncoming();
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task A_path_in_the_name_is_dropped()
    {
        var stored = await Store().SaveAsync(new MemoryStream(Pdf(100)), "../../x.pdf", CancellationToken.None);

        Assert.Equal("x.pdf", stored.FileName);
        Assert.False(File.Exists(Path.Combine(_root, "..", "..", "x.pdf")));
    }

    [Fact]
    public async Task An_exe_is_refused()
    {
        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(
            () => Store().SaveAsync(new MemoryStream(Executable()), "setup.exe", CancellationToken.None));

        Assert.Contains(".exe", error.Message, StringComparison.Ordinal);
        AssertNothingKept();
    }

    [Fact]
    public async Task An_executable_renamed_to_pdf_is_refused()
    {
        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(
            () => Store().SaveAsync(new MemoryStream(Executable()), "report.pdf", CancellationToken.None));

        Assert.Contains("伪装的可执行文件", error.Message, StringComparison.Ordinal);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_txt_with_nul_bytes_is_refused()
    {
        var content = Encoding.UTF8.GetBytes("第一行\n第二行\0\0\0二进制");

        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(
            () => Store().SaveAsync(new MemoryStream(content), "说明.txt", CancellationToken.None));

        Assert.Contains(".txt", error.Message, StringComparison.Ordinal);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_pdf_whose_bytes_are_a_png_is_refused()
    {
        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(
            () => Store().SaveAsync(new MemoryStream(Png()), "report.pdf", CancellationToken.None));

        Assert.Contains("文件内容与扩展名 .pdf 不符", error.Message, StringComparison.Ordinal);
        AssertNothingKept();
    }

    [Fact]
    public async Task An_upload_that_breaks_off_midway_leaves_nothing_behind()
    {
        var upload = new InterruptedStream(Pdf(300_000), served =>
        {
            if (served >= 150_000)
            {
                throw new IOException("connection reset");
            }
        });

        await Assert.ThrowsAsync<IOException>(() => Store().SaveAsync(upload, "断开.pdf", CancellationToken.None));

        AssertNothingKept();
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_nothing_behind()
    {
        using var cancellation = new CancellationTokenSource();
        var upload = new InterruptedStream(Pdf(300_000), served =>
        {
            if (served >= 100_000)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store().SaveAsync(upload, "取消.pdf", cancellation.Token));

        AssertNothingKept();
    }

    [Fact]
    public async Task An_upload_cancelled_before_it_starts_leaves_nothing_behind()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store().SaveAsync(new MemoryStream(Pdf(100)), "取消.pdf", cancellation.Token));

        AssertNothingKept();
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("..\\x")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData("ab/../../../../etc/passwd")]
    [InlineData("AB/AB00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ab/cd00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ab/ab00000000000000000000000000000000000000000000000000000000000000\n")]
    [InlineData("ab/ab0000000000000000000000000000000000000000000000000000000000000")]
    public async Task Keys_that_are_not_storage_keys_are_refused(string key)
    {
        var store = Store();

        Assert.Throws<ArgumentException>(() => store.OpenRead(key));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, CancellationToken.None));
    }

    [Fact]
    public void Opening_a_key_that_was_never_stored_is_file_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => Store().OpenRead("ab/ab" + new string('0', 62)));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_ignores_a_missing_one()
    {
        var store = Store();
        var stored = await store.SaveAsync(new MemoryStream(Pdf(100)), "a.pdf", CancellationToken.None);

        await store.DeleteAsync(stored.StorageKey, CancellationToken.None);
        await store.DeleteAsync(stored.StorageKey, CancellationToken.None);
        await store.DeleteAsync("cd/cd" + new string('0', 62), CancellationToken.None);

        Assert.Empty(StoredFiles());
        Assert.Throws<FileNotFoundException>(() => store.OpenRead(stored.StorageKey));
    }

    [Fact]
    public async Task Delete_still_works_with_an_already_cancelled_token()
    {
        var store = Store();
        var stored = await store.SaveAsync(new MemoryStream(Pdf(100)), "a.pdf", CancellationToken.None);

        await store.DeleteAsync(stored.StorageKey, new CancellationToken(canceled: true));

        Assert.Empty(StoredFiles());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private LocalEvidenceStore Store(EvidenceOptions? options = null) => new(_root, options ?? new EvidenceOptions());

    private IEnumerable<string> StoredFiles() =>
        Directory.Exists(_root)
            ? Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(_root, f).StartsWith(".incoming", StringComparison.Ordinal))
            : [];

    private void AssertNothingIncoming()
    {
        var incoming = Path.Combine(_root, ".incoming");
        Assert.True(!Directory.Exists(incoming) || !Directory.EnumerateFileSystemEntries(incoming).Any());
    }

    private void AssertNothingKept()
    {
        AssertNothingIncoming();
        Assert.Empty(StoredFiles());
    }

    private static byte[] Pdf(int length)
    {
        var content = new byte[length];
        new Random(length).NextBytes(content);
        "%PDF-1.7\n"u8[..Math.Min(length, 9)].CopyTo(content);
        return content;
    }

    private static byte[] Png()
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        return [.. signature, .. new byte[2000]];
    }

    private static byte[] Executable()
    {
        var content = new byte[4096];
        "MZ"u8.CopyTo(content);
        "This program cannot be run in DOS mode."u8.CopyTo(content.AsSpan(0x4E));
        return content;
    }

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("word/document.xml");
            using var writer = new StreamWriter(entry.Open(), Encoding.UTF8);
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
        }

        return buffer.ToArray();
    }

    /// <summary>An upload arriving over the network: read-only, not seekable, read piece by piece.</summary>
    private abstract class UploadStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public abstract override int Read(Span<byte> buffer);

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        // Ignores the token on purpose: the store must not rely on the stream to notice cancellation.
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Serves a long upload without ever holding it: a header, then a repeating pattern.</summary>
    private sealed class GeneratedStream(long length, byte[] header) : UploadStream
    {
        public long Served { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - Served);
            for (var i = 0; i < count; i++)
            {
                var at = Served + i;
                buffer[i] = at < header.Length ? header[at] : (byte)(at % 251);
            }

            Served += count;
            return count;
        }
    }

    /// <summary>Serves the content in small pieces, calling <paramref name="beforeRead"/> with the bytes served so far.</summary>
    private sealed class InterruptedStream(byte[] content, Action<int> beforeRead) : UploadStream
    {
        private int _served;

        public override int Read(Span<byte> buffer)
        {
            beforeRead(_served);
            var count = Math.Min(Math.Min(buffer.Length, 8192), content.Length - _served);
            content.AsSpan(_served, count).CopyTo(buffer);
            _served += count;
            return count;
        }
    }
}
