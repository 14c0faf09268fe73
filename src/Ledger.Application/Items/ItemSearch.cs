using System.Globalization;
using System.Text;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>
/// Keyword search over what an item says: its title, description, measures (整改措施) and progress reports (整改进展), alike
/// on every database. The text is kept folded in a column of the item's own (full-width letters and digits as half-width,
/// upper case as lower), and so is the keyword; a database's own rules differ (SQLite and PostgreSQL compare case and
/// width as stored, SQL Server by its collation), so they are not relied on. A keyword is split at white space and an item
/// must hold every word, each as a plain substring: nothing a user types is a wildcard or an operator (docs/adr/0017).
/// </summary>
public static class ItemSearch
{
    /// <summary>The shadow column the persistence layer keeps current in the save that changes what it is made of.</summary>
    public const string Column = "SearchDocument";

    /// <summary>
    /// Far beyond a title (500), a description (20,000) and dozens of measures and reports with their short-word line, so a
    /// bound that only an absurd item reaches; its text past a seventh of it (its latest reports) is left unsearched rather
    /// than refusing the save.
    /// </summary>
    public const int MaxLength = 1_000_000;

    /// <summary>
    /// The full-text indexes (SQLite's trigram FTS5, PostgreSQL's pg_trgm) are built of three-character pieces: a word of
    /// three characters or more is looked up as itself, a shorter one through the document's last line.
    /// </summary>
    public const int IndexedLength = 3;

    /// <summary>
    /// The marker of the document's last line, which lists each pair of adjacent characters as "党建\u0001" and each single
    /// character as "党\u0001\u0001", so that a word of two characters (党建, 公车, 考勤 — most Chinese searches) or of one
    /// is looked up as three. No text and no keyword holds it (it is folded out), every three characters of that line hold
    /// it, and "\u0001\u0001" only ends a single, so nothing but the word sought matches there.
    /// </summary>
    private const char Marker = '\u0001';

    public static string Fold(string text) =>
        text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture).Replace(Marker, ' ');

    /// <summary>
    /// The folded document of an item: each part on a line of its own, so no word is found across two parts; measures in
    /// their order, reports as given; then the line of its distinct pairs and single characters (<see cref="Marker"/>).
    /// </summary>
    public static string DocumentOf(string title, string description, IEnumerable<string> measures, IEnumerable<string> progress)
    {
        // The short words' line is at most six times the text (a pair and a single of three characters each): room is left.
        var text = Fold(string.Join('\n', [title, description, .. measures, .. progress]));
        text = text.Length <= MaxLength / 7 ? text : text[..(MaxLength / 7)];
        var shortWords = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var previous = default(Rune?);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                previous = null;
                continue;
            }

            if (previous is { } before && seen.Add($"{before}{rune}"))
            {
                shortWords.Append(before).Append(rune).Append(Marker);
            }

            if (seen.Add(rune.ToString()))
            {
                shortWords.Append(rune).Append(Marker).Append(Marker);
            }

            previous = rune;
        }

        return text + "\n" + shortWords;
    }

    /// <summary>What a progress report contributes: its progress, next steps and problems.</summary>
    public static string ReportText(string progress, string? nextSteps, string? problems) =>
        string.Join('\n', new[] { progress, nextSteps, problems }.Where(t => !string.IsNullOrEmpty(t)));

    /// <summary>The folded words of a keyword, each once, in the order typed.</summary>
    public static IReadOnlyList<string> WordsOf(string keyword) =>
        Fold(keyword).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Whether <paramref name="document"/> holds <paramref name="word"/> as a substring; each database answers it with its
    /// full-text index (Ledger.Infrastructure maps it per provider). Outside a query it is the plain ordinal test.
    /// </summary>
    [DbFunction]
    public static bool Contains(string document, string word)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Contains(word, StringComparison.Ordinal);
    }

    /// <summary>The items holding every word of <paramref name="keyword"/>, each as a plain substring.</summary>
    public static IQueryable<RectificationItem> Matching(this IQueryable<RectificationItem> items, IQueryable<ItemSearchEntry> index, string keyword)
    {
        foreach (var word in WordsOf(keyword))
        {
            var sought = word.EnumerateRunes().Count() switch
            {
                1 => word + Marker + Marker,
                2 => word + Marker,
                _ => word,
            };
            items = items.Where(i => index.Where(e => Contains(e.Document, sought)).Select(e => e.ItemId).Contains(i.Id));
        }

        return items;
    }
}

/// <summary>
/// An item's folded document as the database's full-text index holds it: read-only, a view of <see cref="ItemSearch.Column"/>
/// on each provider, through SQLite's FTS5 table there.
/// </summary>
public sealed class ItemSearchEntry
{
    public Guid ItemId { get; init; }

    public string Document { get; init; } = string.Empty;
}
