using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ledger.Application.Importing;

namespace Ledger.Infrastructure.Importing;

/// <summary>
/// The text of an uploaded report: a .docx paragraph by paragraph, anything else as text — UTF-8
/// (with or without BOM, or UTF-16 with BOM), falling back to GB18030, which Chinese offices still save.
/// </summary>
public sealed class DocumentReader : IDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Read(byte[] content, string fileName)
    {
        if (fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || LooksLikeZip(content))
        {
            return ReadDocx(content);
        }

        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            return Encoding.Unicode.GetString(content).TrimStart('\uFEFF');
        }

        try
        {
            return StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static bool LooksLikeZip(byte[] content) => content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    /// <exception cref="InvalidDataException">The file is not a readable Word document.</exception>
    private static string ReadDocx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document.Body;
            return body is null ? string.Empty : string.Join('\n', body.Descendants<Paragraph>().Select(p => p.InnerText));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new InvalidDataException("文件不是有效的 Word (.docx) 文档。", e);
        }
    }
}
