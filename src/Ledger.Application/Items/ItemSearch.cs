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
    /// Far beyond a title (500), a description (20,000) and dozens of measures and reports, so a bound that only an absurd
    /// item reaches; the oldest text past it is left unsearched rather than refusing the save.
    /// </summary>
    public const int MaxLength = 1_000_000;

    /// <summary>
    /// Words shorter than this are read by scanning the folded column, unless they are two Chinese characters: the
    /// full-text indexes (SQLite's trigram FTS5, PostgreSQL's pg_trgm) are built of three-character pieces.
    /// </summary>
    public const int IndexedLength = 3;

    /// <summary>
    /// Ends each pair of adjacent Chinese characters in the document's last line, so that a two-character word (党建, 公车,
    /// 考勤 — most Chinese searches) is looked up as the three characters "党建\u0001". No text and no keyword holds it,
    /// and every three characters of that line hold it at least once, so nothing else in the document matches there.
    /// </summary>
    private const char PairEnd = '\u0001';

    public static string Fold(string text) =>
        text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture).Replace(PairEnd, ' ');

    /// <summary>
    /// The folded document of an item: each part on a line of its own, so no word is found across two parts; measures in
    /// their order, reports as given; then a line of the distinct pairs of adjacent Chinese characters, each ended by
    /// <see cref="PairEnd"/>.
    /// </summary>
    public static string DocumentOf(string title, string description, IEnumerable<string> measures, IEnumerable<string> progress)
    {
        var text = Fold(string.Join('\n', [title, description, .. measures, .. progress]));
        var pairs = new StringBuilder();
        var seen = new HashSet<(char, char)>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (IsHan(text[i]) && IsHan(text[i + 1]) && seen.Add((text[i], text[i + 1])))
            {
                pairs.Append(text[i]).Append(text[i + 1]).Append(PairEnd);
            }
        }

        var document = text + "\n" + pairs;
        return document.Length <= MaxLength ? document : document[..MaxLength];
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
            var indexed = word.Length >= IndexedLength ? word : word.Length == 2 && IsHan(word[0]) && IsHan(word[1]) ? word + PairEnd : null;
            items = indexed is not null
                ? items.Where(i => index.Where(e => Contains(e.Document, indexed)).Select(e => e.ItemId).Contains(i.Id))
                : items.Where(i => EF.Property<string>(i, Column).Contains(word));
        }

        return items;
    }

    /// <summary>A CJK unified ideograph (NFKC has already mapped the compatibility ones onto them).</summary>
    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
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
