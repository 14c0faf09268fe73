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
    /// Words shorter than this are read by scanning the folded column: the full-text indexes (SQLite's trigram FTS5,
    /// PostgreSQL's pg_trgm) are built of three-character pieces and cannot serve them.
    /// </summary>
    public const int IndexedLength = 3;

    public static string Fold(string text) =>
        text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);

    /// <summary>
    /// The folded document of an item: each part on a line of its own, so no word is found across two parts; measures in
    /// their order, reports as given.
    /// </summary>
    public static string DocumentOf(string title, string description, IEnumerable<string> measures, IEnumerable<string> progress)
    {
        var document = Fold(string.Join('\n', [title, description, .. measures, .. progress]));
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
            items = word.Length >= IndexedLength
                ? items.Where(i => index.Where(e => Contains(e.Document, word)).Select(e => e.ItemId).Contains(i.Id))
                : items.Where(i => EF.Property<string>(i, Column).Contains(word));
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
