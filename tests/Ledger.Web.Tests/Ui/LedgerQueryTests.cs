using System.Text.Json;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Web.Endpoints;
using Ledger.Web.Ui;

namespace Ledger.Web.Tests.Ui;

public sealed class LedgerQueryTests
{
    private static readonly ListItemsQuery Everything = LedgerQuery.Default with
    {
        RoundId = Guid.Parse("01a209b6-a959-7c60-9a21-b7e0f863bb14"),
        AspectId = Guid.Parse("01a209b6-a965-7aa9-8416-8ee3245aa501"),
        Statuses = [ItemStatus.InProgress, ItemStatus.NotStarted],
        Kind = ItemKind.Petition,
        LeadDepartmentId = Guid.Parse("01a209b6-9f55-7343-908c-d42d8cadc8b2"),
        ResponsibleLeaderId = Guid.Parse("01a209b6-9f55-7343-908c-d42d8cadc8b3"),
        Overdue = true,
        AwaitingAcknowledgement = false,
        MovedOutOfOverdue = true,
        Unassigned = true,
        DueWithinDays = 5,
        OverdueWorkingDaysFrom = 6,
        OverdueWorkingDaysTo = 20,
        ClosedOutFrom = new DateOnly(2025, 1, 6),
        ClosedOutTo = new DateOnly(2025, 1, 12),
        Keyword = "理论 学习&考核",
        Sort = ItemSort.Deadline,
        Descending = true,
        Page = 3,
        PageSize = 50,
    };

    [Fact]
    public void A_view_read_back_from_its_address_is_the_same_view()
    {
        var text = LedgerQuery.Format(Everything);

        Assert.Equal(text, LedgerQuery.Format(LedgerQuery.Parse("?" + text)));
        Assert.Equal([ItemStatus.NotStarted, ItemStatus.InProgress], LedgerQuery.Parse(text).Statuses);
        Assert.Equal("理论 学习&考核", LedgerQuery.Parse(text).Keyword);
        Assert.Contains("closedOutFrom=2025-01-06&closedOutTo=2025-01-12", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_ledger_has_a_bare_address_and_its_export_no_paging()
    {
        Assert.Equal("/items", LedgerQuery.PageUrl(LedgerQuery.Default));
        Assert.Equal("/api/items/export", LedgerQuery.ExportUrl(LedgerQuery.Default with { Page = 4, PageSize = 100 }));
        Assert.Equal("/api/items/export?status=Completed&overdue=true", LedgerQuery.ExportUrl(LedgerQuery.Default with { Statuses = [ItemStatus.Completed], Overdue = true, Page = 2 }));
    }

    [Theory]
    [InlineData("status=Nonsense&roundId=42&overdue=maybe&page=-1&sort=7&dueWithinDays=x")]
    [InlineData("")]
    public void What_an_address_gets_wrong_is_left_out(string query)
    {
        Assert.Equal(string.Empty, LedgerQuery.Format(LedgerQuery.Parse(query)));
    }

    [Fact]
    public void Every_name_in_the_address_is_one_the_list_and_export_endpoints_bind()
    {
        var bound = typeof(ItemEndpoints.ItemFilter).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        var named = LedgerQuery.Format(Everything).Split('&').Select(pair => pair.Split('=')[0]).ToHashSet();

        Assert.Subset(bound, named);
        Assert.Equal(bound.Count, named.Count);
    }
}
