using Bunit;
using Ledger.Application.Calendar;
using Ledger.Application.Common.Security;
using Ledger.Application.Reminders;
using Ledger.Web.Components.Shared;
using Ledger.Web.Ui;

namespace Ledger.Web.Tests.Components;

public sealed class ReminderWarningsTests : PageContext
{
    private static readonly ReminderWarningsDto Missing2027 = new(
        new CalendarCoverage([2027], 3, "工作日历缺少2027年的节假日和调休安排：3个未完成事项的整改时限在这些年份"), 2, "2个未完成事项的提醒无人接收");

    [Fact]
    public void The_administrator_is_told_which_years_the_calendar_lacks_and_led_to_it()
    {
        SignIn(Roles.Admin);
        Mediator.Answer<GetReminderWarningsQuery, ReminderWarningsDto>(_ => Missing2027);

        var banner = Render<ReminderWarnings>().WaitForElement("[data-testid=calendar-missing]");

        Assert.Contains("工作日历缺少2027年", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal(UiPaths.AdminCalendar, banner.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_offices_dashboard_names_the_items_reaching_nobody_and_not_the_calendar_twice()
    {
        SignIn(Roles.Office);
        Mediator.Answer<GetReminderWarningsQuery, ReminderWarningsDto>(_ => Missing2027);

        var warnings = Render<ReminderWarnings>(p => p.Add(w => w.Calendar, false).Add(w => w.Unreached, true));

        var unreached = warnings.WaitForElement("[data-testid=unreached-items]");
        Assert.Contains("2个未完成事项的提醒无人接收", unreached.TextContent, StringComparison.Ordinal);
        Assert.Equal(UiPaths.MyWork, unreached.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(warnings.FindAll("[data-testid=calendar-missing]"));
    }

    [Fact]
    public void A_department_user_neither_asks_nor_sees_anything()
    {
        SignIn(Roles.DepartmentHead);

        var warnings = Render<ReminderWarnings>(p => p.Add(w => w.Unreached, true));

        Assert.Empty(Mediator.Sent);
        Assert.Empty(warnings.FindAll("[role=alert], .mud-alert"));
    }
}
