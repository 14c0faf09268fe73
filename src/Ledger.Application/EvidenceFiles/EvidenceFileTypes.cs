using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Ledger.Application.EvidenceFiles;

/// <summary>
/// Which evidence files are accepted, judged by name and by their first bytes: the extension and the browser's
/// content type are chosen by the uploader, the bytes are what a reader's application will actually open.
/// </summary>
public static class EvidenceFileTypes
{
    /// <summary>How many leading bytes <see cref="Check"/> needs; fewer only when the file is shorter.</summary>
    public const int HeadLength = 512;

    private const int MaxNameLength = 120;

    // Longer "extensions" are part of the name (e.g. "会议纪要.2024年第三季度整改情况汇总说明"), not worth keeping.
    private const int MaxExtensionLength = 16;

    private const string InvalidNameCharacters = "<>:\"/\\|?*";

    private static readonly Dictionary<string, FileKind> Kinds = new FileKind[]
    {
        new(".pdf", Family.Pdf, "PDF", "application/pdf"),
        new(".doc", Family.Ole2, "Word", "application/msword"),
        new(".docx", Family.Zip, "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        new(".xls", Family.Ole2, "Excel", "application/vnd.ms-excel"),
        new(".xlsx", Family.Zip, "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        new(".jpg", Family.Jpeg, "图片", "image/jpeg"),
        new(".jpeg", Family.Jpeg, "图片", "image/jpeg"),
        new(".png", Family.Png, "图片", "image/png"),
        new(".gif", Family.Gif, "图片", "image/gif"),
        new(".bmp", Family.Bmp, "图片", "image/bmp"),
        new(".txt", Family.Text, "文本", "text/plain"),
    }.ToDictionary(k => k.Extension, StringComparer.OrdinalIgnoreCase);

    private enum Family
    {
        Pdf,
        Zip,
        Ole2,
        Png,
        Jpeg,
        Gif,
        Bmp,
        Text,
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> Ole2Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> ElfSignature => [0x7F, 0x45, 0x4C, 0x46];

    /// <summary>
    /// The name to store and show: last path segment only, without characters that are invalid on Windows or
    /// Linux, control characters or invisible format characters (a right-to-left override can make "x.exe" read
    /// as "x.pdf"); whitespace collapsed; at most 120 characters with the extension kept.
    /// </summary>
    /// <exception cref="EvidenceRejectedException">Nothing usable is left of the name.</exception>
    public static string SanitiseFileName(string? name)
    {
        name ??= string.Empty;
        var segment = name.AsSpan(name.LastIndexOfAny(['/', '\\']) + 1);

        var builder = new StringBuilder(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < segment.Length && char.IsLowSurrogate(segment[i + 1]))
            {
                builder.Append(c).Append(segment[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && !InvalidNameCharacters.Contains(c, StringComparison.Ordinal)
                && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        var result = builder.ToString().Trim('.', ' ');
        if (result.Length > MaxNameLength)
        {
            result = Shorten(result);
        }

        return result.Length > 0 ? result : throw new EvidenceRejectedException("文件名无效，请修改文件名后重新上传。");
    }

    /// <summary>The content type to store and serve, once name and content agree on an allowed type.</summary>
    /// <param name="sanitisedName">A name returned by <see cref="SanitiseFileName"/>.</param>
    /// <param name="head">The first <see cref="HeadLength"/> bytes of the file, or all of it when shorter.</param>
    /// <exception cref="EvidenceRejectedException">The type is not allowed or the content is not what the name says.</exception>
    public static string Check(string sanitisedName, ReadOnlySpan<byte> head, EvidenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(sanitisedName);
        ArgumentNullException.ThrowIfNull(options);

        var extension = ExtensionOf(sanitisedName);
        if (!IsAllowed(extension, options, out var kind))
        {
            var allowed = AllowedDescription(options);
            throw new EvidenceRejectedException(extension.Length == 0
                ? $"文件没有扩展名，无法确定类型。{allowed}"
                : $"不支持上传 {extension} 类型的文件。{allowed}");
        }

        // Checked before the extension's own signature so that the message names the real danger.
        if (LooksExecutable(head))
        {
            throw new EvidenceRejectedException("该文件是伪装的可执行文件，已拒绝上传。");
        }

        if (kind.Family == Family.Text && head.Contains((byte)0))
        {
            throw new EvidenceRejectedException($"文件内容与扩展名 {extension} 不符：文件含有二进制内容，不是纯文本文件。");
        }

        if (!HasSignature(kind.Family, head))
        {
            throw new EvidenceRejectedException($"文件内容与扩展名 {extension} 不符，文件可能已损坏或被改过扩展名，请上传原始文件。");
        }

        return kind.ContentType;
    }

    private static string Shorten(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= MaxExtensionLength ? name[dot..] : string.Empty;
        var stemLength = MaxNameLength - extension.Length;
        if (char.IsHighSurrogate(name[stemLength - 1]))
        {
            stemLength--;
        }

        return name[..stemLength].TrimEnd('.', ' ') + extension;
    }

    private static string ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[dot..] : string.Empty;
    }

    /// <summary>The extensions a file's content can be checked for: the most <see cref="EvidenceOptions.AllowedExtensions"/> may name.</summary>
    public static IEnumerable<string> Checkable => Kinds.Keys;

    /// <summary>Whether a configured extension ("pdf", " .PDF ") is one whose content can be checked.</summary>
    public static bool IsCheckable(string? configured) => Kinds.ContainsKey(NormaliseExtension(configured));

    private static bool IsAllowed(string extension, EvidenceOptions options, [NotNullWhen(true)] out FileKind? kind) =>
        Kinds.TryGetValue(extension, out kind)
        && options.AllowedExtensions.Any(allowed => string.Equals(NormaliseExtension(allowed), extension, StringComparison.OrdinalIgnoreCase));

    // Configuration written by hand may say "pdf" or " .PDF ".
    private static string NormaliseExtension(string? configured)
    {
        var trimmed = configured?.Trim() ?? string.Empty;
        return trimmed.StartsWith('.') ? trimmed : "." + trimmed;
    }

    private static string AllowedDescription(EvidenceOptions options)
    {
        var allowed = options.AllowedExtensions
            .Select(e => Kinds.GetValueOrDefault(NormaliseExtension(e)))
            .OfType<FileKind>()
            .Distinct()
            .ToList();
        if (allowed.Count == 0)
        {
            return "当前未开放文件上传。";
        }

        var words = allowed.Select(k => k.Word).Distinct();
        return $"只能上传{string.Join('、', words)}文件（{string.Join('、', allowed.Select(k => k.Extension))}）。";
    }

    private static bool LooksExecutable(ReadOnlySpan<byte> head)
    {
        // A BOM does not stop a careless reader from seeing "#!", so look behind it too.
        if (head.StartsWith(Utf8Bom))
        {
            head = head[Utf8Bom.Length..];
        }

        return head.StartsWith("MZ"u8)
            || head.StartsWith(ElfSignature)
            || head.StartsWith("#!"u8)
            || IsMachO(head);
    }

    private static bool IsMachO(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4)
        {
            return false;
        }

        var magic = (uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]);

        // 32/64-bit in either byte order, and the universal ("fat") binary, which Java class files share.
        return magic is 0xFEEDFACE or 0xFEEDFACF or 0xCEFAEDFE or 0xCFFAEDFE or 0xCAFEBABE;
    }

    private static bool HasSignature(Family family, ReadOnlySpan<byte> head) => family switch
    {
        Family.Pdf => head.StartsWith("%PDF-"u8),
        Family.Zip => head.StartsWith(ZipSignature),
        Family.Ole2 => head.StartsWith(Ole2Signature),
        Family.Png => head.StartsWith(PngSignature),
        Family.Jpeg => head.StartsWith(JpegSignature),
        Family.Gif => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        Family.Bmp => head.StartsWith("BM"u8),
        Family.Text => true,
        _ => false,
    };

    private sealed record FileKind(string Extension, Family Family, string Word, string ContentType);
}
