using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ledger.EndToEnd.Tests;

/// <summary>
/// A report's lines saved as a Word document, one paragraph each: what an office uploads, and a document of its own,
/// so the demo's seeds can be imported again without being refused as already imported.
/// </summary>
internal static class WordFile
{
    public static byte[] Of(IEnumerable<string> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(lines.Select(l => new Paragraph(new Run(new Text(l) { Space = SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }
}
