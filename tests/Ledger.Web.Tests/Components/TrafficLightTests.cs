using Bunit;
using Ledger.Domain.Items;
using Ledger.Web.Components.Shared;
using static Ledger.Web.Tests.Components.Items;

namespace Ledger.Web.Tests.Components;

public sealed class TrafficLightTests : BunitContext
{
    private (string Light, string Text) Render(Application.Items.ItemListDto item)
    {
        var light = Render<TrafficLight>(p => p.Add(c => c.Item, item)).Find("[data-light]");
        return (light.GetAttribute("data-light")!, light.TextContent.Trim());
    }

    [Fact]
    public void An_overdue_item_is_red()
    {
        Assert.Equal(("red", "超期"), Render(Row(ItemStatus.NotStarted, workingDaysLeft: -1, due: Today.AddDays(-1))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void An_item_due_within_the_configured_working_days_is_yellow(int left)
    {
        Assert.Equal(("yellow", "临期"), Render(Row(workingDaysLeft: left, due: Today.AddDays(left))));
    }

    [Fact]
    public void One_working_day_past_the_window_is_green()
    {
        Assert.Equal(("green", "正常"), Render(Row(workingDaysLeft: 4, due: Today.AddDays(6))));
    }

    [Fact]
    public void The_window_is_the_configured_number_of_working_days()
    {
        Assert.Equal("green", Render(Row(workingDaysLeft: 1, due: Today.AddDays(1), dueSoon: 0)).Light);
        Assert.Equal("yellow", Render(Row(workingDaysLeft: 0, due: Today, dueSoon: 0)).Light);
        Assert.Equal("yellow", Render(Row(workingDaysLeft: 5, due: Today.AddDays(7), dueSoon: 5)).Light);
    }

    [Fact]
    public void A_long_term_item_is_grey()
    {
        Assert.Equal(("grey", "长期坚持"), Render(Row(ItemStatus.InProgress, longTerm: true)));
    }

    [Theory]
    [InlineData(ItemStatus.Completed)]
    [InlineData(ItemStatus.CloseOutRequested)]
    [InlineData(ItemStatus.ClosedOut)]
    public void A_settled_item_is_grey_even_past_its_deadline(ItemStatus status)
    {
        Assert.Equal(("grey", "已完成"), Render(Row(status, due: Today.AddDays(-10))));
    }

    [Fact]
    public void An_open_item_without_a_deadline_is_grey()
    {
        Assert.Equal(("grey", "未定时限"), Render(Row(ItemStatus.NotStarted)));
    }
}
