using System.Globalization;
using System.Text;

namespace Ledger.Domain.Common;

/// <summary>
/// What user text is stored as: NFC, without the invisible characters a paste or a crafted request brings (zero-width
/// spaces, bidi overrides, NUL, ESC), trimmed, blank as null. Two names that read the same are then the same string,
/// so a uniqueness check on the stored form cannot be bypassed, and a title of invisible characters is empty.
/// </summary>
public static class PlainText
{
    /// <summary>One line: a name or a title. Line breaks and tabs become spaces.</summary>
    public static string? Line(string? value) => Normalize(value, keepLineBreaks: false);

    /// <summary>Text that may run over several lines: a description, a reason, a report's part.</summary>
    public static string? Block(string? value) => Normalize(value, keepLineBreaks: true);

    private static string? Normalize(string? value, bool keepLineBreaks)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Decomposed input can hide its controls inside combining sequences: compose first, then filter.
        var composed = value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        StringBuilder? kept = null;
        for (var i = 0; i < composed.Length; i++)
        {
            var c = composed[i];
            var replacement = Replacement(c, keepLineBreaks);
            if (replacement == c && kept is null)
            {
                continue;
            }

            kept ??= new StringBuilder(composed.Length).Append(composed, 0, i);
            if (replacement is { } r)
            {
                kept.Append(r);
            }
        }

        var result = (kept?.ToString() ?? composed).Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>The character itself, a space for a line break in a line, or null for one that is dropped.</summary>
    private static char? Replacement(char c, bool keepLineBreaks)
    {
        if (c is '\n' or '\r' or '\t')
        {
            return keepLineBreaks ? c : ' ';
        }

        return char.GetUnicodeCategory(c) switch
        {
            // Cc: NUL, ESC, DEL…; Cf: zero-width space and joiners, bidi marks, embeddings, overrides and isolates, BOM.
            UnicodeCategory.Control or UnicodeCategory.Format => null,
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => keepLineBreaks ? '\n' : ' ',
            _ => c,
        };
    }
}

internal static class Text
{
    /// <summary>Normalises user text (see <see cref="PlainText"/>) and turns blank into null, so "no reason" is one value.</summary>
    public static string? Clean(string? value) => PlainText.Block(value);

    public static string Required(string? value, string what) =>
        Clean(value) ?? throw new ArgumentException($"{what} is required.", nameof(value));

    /// <summary>
    /// A title made from other text (a message naming an item's title, say): cut to <paramref name="maxLength"/> with an
    /// ellipsis rather than refused by a database that keeps the column's length (PostgreSQL, SQL Server).
    /// </summary>
    public static string Shortened(string value, int maxLength) =>
        value.Length <= maxLength ? value : string.Concat(value.AsSpan(0, maxLength - 1), "…");

    /// <summary>A name or a title: one line, required.</summary>
    public static string RequiredLine(string? value, string what) =>
        PlainText.Line(value) ?? throw new ArgumentException($"{what} is required.", nameof(value));
}
