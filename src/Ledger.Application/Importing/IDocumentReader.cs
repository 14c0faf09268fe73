namespace Ledger.Application.Importing;

/// <summary>Turns an uploaded file (.txt in any of the usual encodings, .docx, .xlsx) into text and tables.</summary>
public interface IDocumentReader
{
    /// <exception cref="DocumentRefusedException">
    /// The file cannot be read as the type it claims to be, or goes beyond <see cref="DocumentLimits"/>; the message is the user's.
    /// </exception>
    ImportDocument Read(byte[] content, string fileName, CancellationToken cancellationToken = default);
}
