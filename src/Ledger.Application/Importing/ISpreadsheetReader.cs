namespace Ledger.Application.Importing;

/// <summary>Reads the first worksheet of an uploaded .xlsx as text cells.</summary>
public interface ISpreadsheetReader
{
    /// <summary>
    /// Rows from the sheet's first row on, empty rows included, so index + 1 is the row number the user sees in Excel.
    /// Dates read as 2025-01-10, numbers as written, every cell trimmed and never null.
    /// </summary>
    /// <exception cref="DocumentRefusedException">The file is not a readable .xlsx workbook, or goes beyond <see cref="DocumentLimits"/>.</exception>
    IReadOnlyList<IReadOnlyList<string>> ReadRows(byte[] content, CancellationToken cancellationToken = default);
}
