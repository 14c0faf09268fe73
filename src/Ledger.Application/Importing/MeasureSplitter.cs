using System.Text.RegularExpressions;

namespace Ledger.Application.Importing;

/// <summary>
/// Splits the text of 整改措施 on the genre's enumerations — 一是/二是…, (1)(2)…, ①②… — taking a marker
/// only when it is the next number in its own sequence, so "统一是" or a stray "(3)" never cuts a measure.
/// Unnumbered text is one measure.
/// </summary>
internal static partial class MeasureSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        // Measures listed one a line, numbered 1. 2. (or 1、 1) (1)): each line and what follows it up to the next number.
        var lines = trimmed.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count(l => NumberedLineRegex().IsMatch(l)) >= 2)
        {
            var listed = new List<string>();
            foreach (var line in lines)
            {
                if (NumberedLineRegex().IsMatch(line) || listed.Count == 0)
                {
                    listed.Add(line);
                }
                else
                {
                    listed[^1] += line;
                }
            }

            return listed.Select(Clean).ToList();
        }

        var cuts = new[] { Sequence(trimmed, Scheme.Chinese), Sequence(trimmed, Scheme.Parenthesised), Sequence(trimmed, Scheme.Circled) }
            .Where(s => s.Count > 0)
            .OrderBy(s => s[0])
            .FirstOrDefault();
        if (cuts is null)
        {
            return [Clean(trimmed)];
        }

        var measures = new List<string>();
        for (var i = 0; i < cuts.Count; i++)
        {
            var end = i + 1 < cuts.Count ? cuts[i + 1] : trimmed.Length;
            var start = i == 0 ? 0 : cuts[i];
            measures.Add(Clean(trimmed[start..end]));
        }

        return measures.Where(m => m.Length > 0).ToList();
    }

    private enum Scheme
    {
        Chinese,
        Parenthesised,
        Circled,
    }

    /// <summary>Positions of markers 1, 2, 3… of one scheme, in order; empty when it has no marker 1.</summary>
    private static List<int> Sequence(string text, Scheme scheme)
    {
        var positions = new List<int>();
        var expected = 1;
        foreach (Match match in MarkerRegex().Matches(text))
        {
            var number = scheme switch
            {
                Scheme.Chinese when match.Groups["cn"].Success => ChineseText.ParseNumeral(match.Groups["cn"].Value),
                Scheme.Parenthesised when match.Groups["d"].Success => ChineseText.TryInt(match.Groups["d"].Value, out var d) ? d : null,
                Scheme.Circled when match.Groups["c"].Success => match.Groups["c"].Value[0] - '①' + 1,
                _ => null,
            };
            if (number == expected)
            {
                positions.Add(match.Index);
                expected++;
            }
        }

        return positions;
    }

    [GeneratedRegex(@"^(?:\d{1,2}[.、]|\d{1,2}\)|\(\d{1,2}\))", RegexOptions.NonBacktracking)]
    private static partial Regex NumberedLineRegex();

    private static string Clean(string measure) => measure.Trim().TrimEnd(';', '；', ',', ' ').Trim();

    [GeneratedRegex(@"(?<cn>[一二三四五六七八九十]{1,3})是|\((?<d>\d{1,2})\)|(?<c>[①-⑳])", RegexOptions.NonBacktracking)]
    private static partial Regex MarkerRegex();
}
