using System.Globalization;
using System.Text;

namespace Ledger.Application.Importing;

/// <summary>The small pieces of Chinese text handling the parser needs: numerals, dates, width.</summary>
internal static class ChineseText
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>
    /// Full-width ASCII (０-９, ：, （）, …) becomes half-width and invisible characters go. Not NFKC:
    /// that would also turn ① into 1 and lose the measure markers.
    /// </summary>
    public static string Normalize(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            switch (c)
            {
                case >= '\uFF01' and <= '\uFF5E':
                    builder.Append((char)(c - 0xFEE0));
                    break;
                case '\u3000' or '\u00A0' or '\t':
                    builder.Append(' ');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF':
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>一 → 1 … 九十九 → 99; null when the text is not a numeral.</summary>
    public static int? ParseNumeral(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var tenAt = text.IndexOf('十', StringComparison.Ordinal);
        if (tenAt < 0)
        {
            return text.Length == 1 && Digits.IndexOf(text[0], StringComparison.Ordinal) is > 0 and var d ? d : null;
        }

        var tens = tenAt == 0 ? 1 : text.Length > 1 && tenAt == 1 ? Digits.IndexOf(text[0], StringComparison.Ordinal) : -1;
        var rest = text[(tenAt + 1)..];
        var units = rest.Length == 0 ? 0 : rest.Length == 1 ? Digits.IndexOf(rest[0], StringComparison.Ordinal) : -1;
        return tens > 0 && units >= 0 ? tens * 10 + units : null;
    }

    public static DateOnly? Date(int year, int month, int day) =>
        year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    public static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    public static bool TryInt(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
