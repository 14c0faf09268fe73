using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ledger.Application.Importing;

/// <summary>The small pieces of Chinese text handling the parser needs: numerals, dates, width, quotes.</summary>
internal static partial class ChineseText
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>
    /// Full-width ASCII (０-９, ：, （）, …) becomes half-width and invisible characters go. Not NFKC:
    /// that would also turn ① into 1 and lose the measure markers.
    /// </summary>
    public static string Normalize(string line)
    {
        var builder = new StringBuilder(line.Length);
        var quoteOpen = false;
        foreach (var c in line)
        {
            switch (c)
            {
                case '"' or '\uFF02':
                    // Straight quotes typed instead of “”: open and close in turn, so titles and markers read the same.
                    builder.Append(quoteOpen ? '”' : '“');
                    quoteOpen = !quoteOpen;
                    break;
                case '「' or '『':
                    builder.Append('“');
                    break;
                case '」' or '』':
                    builder.Append('”');
                    break;
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

        var text = builder.ToString().Trim();
        return text.Contains('年', StringComparison.Ordinal) ? ChineseDateRegex().Replace(text, ToDigits) : text;
    }

    /// <summary>二〇二四年七月八日 → 2024年7月8日, as signatures write dates.</summary>
    private static string ToDigits(Match match)
    {
        var year = string.Concat(match.Groups["y"].Value.Select(c => c is '〇' or '零' or 'O' or '○' ? '0' : (char)('0' + Digits.IndexOf(c, StringComparison.Ordinal))));
        var month = ParseNumeral(match.Groups["m"].Value);
        var day = match.Groups["d"].Success ? ParseNumeral(match.Groups["d"].Value) : null;
        return month is null || (match.Groups["d"].Success && day is null)
            ? match.Value
            : day is null ? $"{year}年{month}月" : $"{year}年{month}月{day}日";
    }

    [GeneratedRegex("(?<y>[〇零○O一二三四五六七八九]{4})年(?<m>[一二三四五六七八九十]{1,2})月(?:(?<d>[一二三四五六七八九十]{1,3})日)?", RegexOptions.NonBacktracking)]
    private static partial Regex ChineseDateRegex();

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
