using System.Globalization;
using System.Text;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Microsoft.AspNetCore.WebUtilities;

namespace Ledger.Web.Ui;

/// <summary>
/// The ledger's filters, order and page in the address bar, so a view can be bookmarked, sent, opened from the
/// dashboard, and exported. The names are the API's (<c>GET /api/items</c>), so the export link is the same query.
/// </summary>
internal static class LedgerQuery
{
    /// <summary>Rows per page the grid starts with: a page fits a 1366×768 screen with little scrolling.</summary>
    public const int DefaultPageSize = 20;

    public static readonly ListItemsQuery Default = new() { PageSize = DefaultPageSize };

    /// <summary>Days in the address as the API reads them: 2025-01-16.</summary>
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>
    /// Reads what it understands and leaves out the rest, so a mistyped address shows the whole ledger instead of an
    /// error; values the list refuses (a page size too large) still reach its validator and its message.
    /// </summary>
    public static ListItemsQuery Parse(string queryString)
    {
        var values = QueryHelpers.ParseQuery(queryString);
        string? One(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v[^1] : null;
        Guid? Id(string key) => Guid.TryParse(One(key), out var id) ? id : null;
        bool? Flag(string key) => bool.TryParse(One(key), out var flag) ? flag : null;
        int? Number(string key) => int.TryParse(One(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateOnly? Day(string key) => DateOnly.TryParseExact(One(key), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        TEnum? Named<TEnum>(string? text)
            where TEnum : struct, Enum =>
            Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

        var statuses = values.TryGetValue("status", out var s)
            ? s.Select(Named<ItemStatus>).OfType<ItemStatus>().Distinct().Order().ToList()
            : [];
        return Default with
        {
            RoundId = Id("roundId"),
            AspectId = Id("aspectId"),
            Statuses = statuses.Count > 0 ? statuses : null,
            Kind = Named<ItemKind>(One("kind")),
            LeadDepartmentId = Id("leadDepartmentId"),
            ResponsibleLeaderId = Id("responsibleLeaderId"),
            Overdue = Flag("overdue"),
            AwaitingAcknowledgement = Flag("awaitingAcknowledgement"),
            MovedOutOfOverdue = Flag("movedOutOfOverdue"),
            Unassigned = Flag("unassigned"),
            DueWithinDays = Number("dueWithinDays"),
            OverdueWorkingDaysFrom = Number("overdueWorkingDaysFrom"),
            OverdueWorkingDaysTo = Number("overdueWorkingDaysTo"),
            ClosedOutFrom = Day("closedOutFrom"),
            ClosedOutTo = Day("closedOutTo"),
            Keyword = One("keyword")?.Trim(),
            Sort = Named<ItemSort>(One("sort")) ?? ItemSort.Number,
            Descending = Flag("descending") ?? false,
            Page = Number("page") is { } page and > 0 ? page : 1,
            PageSize = Number("pageSize") is { } size and > 0 ? size : DefaultPageSize,
        };
    }

    /// <summary>
    /// The query string of <paramref name="query"/> (without <c>?</c>), naming only what differs from the default; the
    /// same query always gives the same text, so two views are the same view when their texts are equal.
    /// </summary>
    public static string Format(ListItemsQuery query, bool paging = true)
    {
        var text = new StringBuilder();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                text.Append(text.Length == 0 ? string.Empty : "&").Append(key).Append('=')
                    .Append(Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!));
            }
        }

        Add("roundId", query.RoundId);
        Add("aspectId", query.AspectId);
        foreach (var status in (query.Statuses ?? []).Distinct().Order())
        {
            Add("status", status);
        }

        Add("kind", query.Kind);
        Add("leadDepartmentId", query.LeadDepartmentId);
        Add("responsibleLeaderId", query.ResponsibleLeaderId);
        Add("overdue", Lower(query.Overdue));
        Add("awaitingAcknowledgement", Lower(query.AwaitingAcknowledgement));
        Add("movedOutOfOverdue", query.MovedOutOfOverdue == true ? "true" : null);
        Add("unassigned", query.Unassigned == true ? "true" : null);
        Add("dueWithinDays", query.DueWithinDays);
        Add("overdueWorkingDaysFrom", query.OverdueWorkingDaysFrom);
        Add("overdueWorkingDaysTo", query.OverdueWorkingDaysTo);
        Add("closedOutFrom", query.ClosedOutFrom?.ToString(DayFormat, CultureInfo.InvariantCulture));
        Add("closedOutTo", query.ClosedOutTo?.ToString(DayFormat, CultureInfo.InvariantCulture));
        Add("keyword", string.IsNullOrWhiteSpace(query.Keyword) ? null : query.Keyword.Trim());
        Add("sort", query.Sort == ItemSort.Number ? null : query.Sort);
        Add("descending", query.Descending ? "true" : null);
        if (paging)
        {
            Add("page", query.Page == 1 ? null : query.Page);
            Add("pageSize", query.PageSize == DefaultPageSize ? null : query.PageSize);
        }

        return text.ToString();
    }

    /// <summary>The ledger page showing <paramref name="query"/>.</summary>
    public static string PageUrl(ListItemsQuery query) => WithQuery(UiPaths.Ledger, Format(query));

    /// <summary>The Excel export of the same rows, in the same order, without paging.</summary>
    public static string ExportUrl(ListItemsQuery query) => WithQuery("/api/items/export", Format(query, paging: false));

    private static string WithQuery(string path, string query) => query.Length == 0 ? path : $"{path}?{query}";

    private static string? Lower(bool? flag) => flag switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
