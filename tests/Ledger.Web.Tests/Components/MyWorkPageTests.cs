using Bunit;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Web.Components.Pages;
using Ledger.Web.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Components;

public sealed class MyWorkPageTests : PageContext
{
    [Fact]
    public void Each_group_shows_its_title_count_and_rows_linking_to_their_items_and_the_ledger_when_a_filter_says_it()
    {
        SignIn(Roles.DepartmentHead);
        var department = Guid.NewGuid();
        var first = Items.Row(ItemStatus.NotStarted, workingDaysLeft: -4, due: new DateOnly(2025, 1, 10));
        var second = Items.Row(ItemStatus.InProgress, workingDaysLeft: 2, due: new DateOnly(2025, 1, 20));
        var stale = Items.Row(longTerm: true);
        Mediator.Answer<ListMyWorkQuery, MyWorkDto>(_ => new MyWorkDto(
        [
            new(MyWorkKind.AwaitingAcknowledgement, "待签收", "已交办本部门牵头、尚未签收的事项。", 2, [first, second],
                new ListItemsQuery { AwaitingAcknowledgement = true, LeadDepartmentId = department, Sort = ItemSort.Deadline }),
            new(MyWorkKind.ProgressDue, "待报送进展", "7天以上未报送进展情况的事项。", 120, [stale], null),
            new(MyWorkKind.SentBack, "被退回的申请", "销号申请被退回或驳回的事项。", 0, [], null),
        ],
        121));

        var page = Render<MyWork>();

        var groups = page.WaitForElements("[data-testid=my-work-group]");
        Assert.Equal(new ListMyWorkQuery(), Mediator.SentOf<ListMyWorkQuery>().Single());
        Assert.Equal(["待签收", "待报送进展", "被退回的申请"], groups.Select(g => g.QuerySelector("h2")!.TextContent));
        Assert.Equal(["2", "120", "0"], groups.Select(g => g.QuerySelector("[data-testid=group-count]")!.TextContent.Trim()));
        Assert.Equal(
            [UiPaths.Item(first.Id), UiPaths.Item(second.Id)],
            groups[0].QuerySelectorAll("[data-testid=work-item]").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            $"/items?leadDepartmentId={department}&awaitingAcknowledgement=true&sort=Deadline",
            groups[0].QuerySelector("[data-testid=group-ledger]")!.GetAttribute("href"));
        Assert.Contains("2025年1月10日", groups[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("超期", groups[0].TextContent, StringComparison.Ordinal);

        // No ledger filter expresses 待报送进展; the page says how much it leaves out.
        Assert.Null(groups[1].QuerySelector("[data-testid=group-ledger]"));
        Assert.Equal("仅列出最紧迫的1项，共120项。", groups[1].QuerySelector("[data-testid=group-more]")!.TextContent);
        Assert.Contains("长期坚持", groups[1].TextContent, StringComparison.Ordinal);

        Assert.Empty(groups[2].QuerySelectorAll("[data-testid=work-item]"));
        Assert.Contains("没有需要办理的事项。", groups[2].TextContent, StringComparison.Ordinal);
        // One item waits in two groups: the summary counts items, not rows.
        Assert.Equal("共121项待办", page.Find("[data-testid=my-work-summary]").TextContent);
    }

    [Fact]
    public void A_role_without_work_is_told_so_and_pointed_to_the_ledger()
    {
        SignIn(Roles.Supervisor);
        Mediator.Answer<ListMyWorkQuery, MyWorkDto>(_ => new MyWorkDto([], 0));

        var page = Render<MyWork>();

        var none = page.WaitForElement("[data-testid=my-work-none]");
        Assert.Contains("您的角色没有需要办理的事项。", none.TextContent, StringComparison.Ordinal);
        Assert.Equal(UiPaths.Ledger, none.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=my-work-group]"));
    }
}
