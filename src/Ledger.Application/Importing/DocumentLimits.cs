namespace Ledger.Application.Importing;

/// <summary>
/// How much of a document an import reads. Readers check these while they read — bytes as a zip entry inflates,
/// rows and cells as they stream — so a crafted file stops at the limit instead of after filling memory. Every
/// message names the limit, for the 400 the user reads. Real reports and 台账 stay far below each figure.
/// </summary>
public static class DocumentLimits
{
    /// <summary>One part of a .docx or .xlsx (the document body, a sheet, the shared strings) once inflated.</summary>
    public const long MaxPartBytes = 32L * 1024 * 1024;

    public const int MaxRows = 5_000;

    public const int MaxColumns = 64;

    public const int MaxCells = 100_000;

    /// <summary>The text of a Word document: a thousand pages. Checked as paragraphs are read, so inflation stops early.</summary>
    public const int MaxCharacters = 2_000_000;

    /// <summary>A line (paragraph) of text; a report's longest paragraph is a few thousand characters.</summary>
    public const int MaxLineCharacters = 20_000;

    public static string PartTooLarge(string part) =>
        $"文件中的“{part}”解压后超过 {MaxPartBytes / 1024 / 1024} MB 的上限，可能是损坏或特制的文件，未导入。";

    public static string TooManyCharacters => $"文档的文字超过 {MaxCharacters:N0} 个字符的上限，可能是损坏或特制的文件，未导入。";

    public static string TooManyRows(int row) => $"表格第{row}行超出 {MaxRows:N0} 行的上限，未导入。";

    public static string TooManyColumns(string cell) => $"表格单元格 {cell} 超出 {MaxColumns} 列的上限，未导入。";

    public static string TooManyCells => $"表格的单元格超过 {MaxCells:N0} 个的上限，未导入。";

    public static string LineTooLong(int line, int length) =>
        $"第{line}行有 {length:N0} 个字符，超过每行 {MaxLineCharacters:N0} 个字符的上限（可能是没有换行的网页源码或特制的文本），未导入。";

    /// <summary>The first line longer than the limit, checked before any parsing so parse time stays bounded by the limit.</summary>
    public static string? CheckLines(string text)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r'))
            {
                continue;
            }

            if (i - start > MaxLineCharacters)
            {
                return LineTooLong(line, i - start);
            }

            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            line++;
            start = i + 1;
        }

        return null;
    }
}

/// <summary>A document an import refuses, with the user's words for why: unreadable, or beyond one of <see cref="DocumentLimits"/>.</summary>
public sealed class DocumentRefusedException : Exception
{
    public DocumentRefusedException(string message)
        : base(message)
    {
    }

    public DocumentRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
