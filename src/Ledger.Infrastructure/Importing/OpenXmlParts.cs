using System.IO.Compression;
using System.Xml;
using Ledger.Application.Importing;

namespace Ledger.Infrastructure.Importing;

/// <summary>
/// Opens the parts of a .docx or .xlsx for streaming with every inflated byte counted: a zip entry's declared
/// size can lie, so the count, not the directory, stops a part at <see cref="DocumentLimits.MaxPartBytes"/>.
/// </summary>
internal static class OpenXmlParts
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <exception cref="DocumentRefusedException">Not a zip archive.</exception>
    public static ZipArchive Open(byte[] content, string notReadable)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new DocumentRefusedException(notReadable, e);
        }
    }

    /// <summary>The part at <paramref name="path"/> (no leading slash, any case), or null when the package has none.</summary>
    public static XmlReader? Read(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
        return entry is null ? null : XmlReader.Create(new CountingStream(entry.Open(), path), Settings);
    }

    /// <summary>Runs a reading of the package's XML, turning what a broken or crafted file throws into the user's message.</summary>
    public static T Guard<T>(Func<T> read, string notReadable)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not DocumentRefusedException and (XmlException or IOException or InvalidDataException or FormatException or OverflowException))
        {
            // A corrupt deflate stream or malformed XML says so in English; the user reads what the file is not.
            throw new DocumentRefusedException(notReadable, e);
        }
    }

    /// <summary>The named attribute of the current element by local name, whatever its namespace prefix.</summary>
    public static string? Attribute(XmlReader reader, string localName)
    {
        if (!reader.HasAttributes)
        {
            return null;
        }

        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == localName)
            {
                var value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        }

        reader.MoveToElement();
        return null;
    }

    private sealed class CountingStream(Stream inner, string part) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            return _read > DocumentLimits.MaxPartBytes ? throw new DocumentRefusedException(DocumentLimits.PartTooLarge(part)) : read;
        }
    }
}
