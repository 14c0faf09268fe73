using System.Globalization;
using System.Text;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>
/// Keyword search over an item's title and description, alike on every database: the text is kept folded in a column of
/// its own (full-width letters and digits as half-width, upper case as lower), and so is the keyword. A database's own
/// rules differ (SQLite and PostgreSQL compare case and width as stored, SQL Server by its collation), so they are not
/// relied on.
/// </summary>
public static class ItemSearch
{
    /// <summary>The shadow column the persistence layer keeps current on every save of an item.</summary>
    public const string Column = "SearchText";

    /// <summary>Room for a title (500) and a description (20,000) with the separator between them.</summary>
    public const int MaxLength = 20_501;

    public static string Fold(string text) =>
        text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);

    public static string TextOf(RectificationItem item) => TextOf(item.Title, item.Description);

    public static string TextOf(string title, string description) => Fold(title + "\n" + description);

    public static IQueryable<RectificationItem> Matching(this IQueryable<RectificationItem> items, string keyword)
    {
        var folded = Fold(keyword.Trim());
        return items.Where(i => EF.Property<string>(i, Column).Contains(folded));
    }
}
