using Bunit;
using Ledger.Domain.Items;
using Ledger.Web.Components.Shared;
using static Ledger.Web.Tests.Components.Items;

namespace Ledger.Web.Tests.Components;

public sealed class WorkingDaysLabelTests : BunitContext
{
    [Theory]
    [InlineData(3, "还剩3个工作日", "days days-left")]
    [InlineData(1, "还剩1个工作日", "days days-left")]
    [InlineData(0, "今天到期", "days days-today")]
    [InlineData(-5, "已超期5个工作日", "days days-overdue")]
    public void Working_days_left_read_as_the_reports_write_them(int left, string text, string classes)
    {
        var label = Render<WorkingDaysLabel>(p => p.Add(c => c.Item, Row(workingDaysLeft: left, due: Today.AddDays(left)))).Find("span");

        Assert.Equal(text, label.TextContent);
        Assert.Equal(classes, label.ClassName);
    }

    [Theory]
    [InlineData(ItemStatus.InProgress, true)]
    [InlineData(ItemStatus.ClosedOut, false)]
    public void Nothing_to_count_shows_a_dash(ItemStatus status, bool longTerm)
    {
        var label = Render<WorkingDaysLabel>(p => p.Add(c => c.Item, Row(status, longTerm: longTerm))).Find("span");

        Assert.Equal("—", label.TextContent);
        Assert.Equal("days days-none", label.ClassName);
    }
}
