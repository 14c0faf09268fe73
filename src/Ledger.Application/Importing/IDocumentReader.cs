namespace Ledger.Application.Importing;

/// <summary>Turns an uploaded file (.txt in any of the usual encodings, .docx) into text.</summary>
public interface IDocumentReader
{
    /// <exception cref="InvalidDataException">The file cannot be read as the type it claims to be.</exception>
    string Read(byte[] content, string fileName);
}
