using Bunit;
using Ledger.Application.Common.Security;
using Ledger.Application.Dashboard;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Domain.Items;
using Ledger.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Components;

public sealed class DashboardPageTests : PageContext
{
    private static readonly Guid Round = Guid.Parse("01a209b6-a959-7c60-9a21-b7e0f863bb14");
    private static readonly Guid Department = Guid.Parse("01a209b6-9f55-7343-908c-d42d8cadc8b2");
    private static readonly ItemFigures Figures = new(40, 24, 16, 0, 0, 3, 5, 30, 20, 120);

    [Fact]
    public void Each_figure_opens_the_ledger_of_the_round_shown_filtered_to_its_items()
    {
        SignIn(Roles.Leader);
        Mediator
            .Answer<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>(_ => [])
            .Answer<GetDashboardQuery, DashboardDto>(q => Dashboard(q.RoundId, q.DueSoonWorkingDays ?? 5));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/dashboard?roundId={Round}");

        var page = Render<Dashboard>();

        page.WaitForElement("[data-testid=card-overdue]");
        Assert.Equal(new GetDashboardQuery(Round), Mediator.SentOf<GetDashboardQuery>().Single());
        Assert.Equal($"/items?roundId={Round}&overdue=true&sort=Deadline", Href(page, "[data-testid=card-overdue]"));
        Assert.Equal($"/items?roundId={Round}&status=Completed&status=CloseOutRequested&status=ClosedOut", Href(page, "[data-testid=card-completed]"));
        Assert.Equal($"/items?roundId={Round}&status=PartiallyDone", Href(page, "[data-testid=card-partially-done]"));
        Assert.Equal(
            [
                $"/items?roundId={Round}&overdueWorkingDaysTo=5&sort=Deadline",
                $"/items?roundId={Round}&overdueWorkingDaysFrom=6&overdueWorkingDaysTo=20&sort=Deadline",
                $"/items?roundId={Round}&overdueWorkingDaysFrom=21&sort=Deadline",
            ],
            page.FindAll("[data-testid=aging] a").Select(a => a.GetAttribute("href")));
        var department = page.Find("[data-testid=departments] tbody tr");
        Assert.Equal(
            [$"/items?roundId={Round}&leadDepartmentId={Department}&overdue=true&sort=Deadline", $"/items?roundId={Round}&leadDepartmentId={Department}&dueWithinDays=5&sort=Deadline"],
            department.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal($"/items?roundId={Round}&dueWithinDays=10&sort=Deadline", Href(page, "[data-testid=upcoming-all]"));
        Assert.Contains("2024年12月17日", page.Find("[data-testid=overdue] tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Equal("/items/" + Overdue.Id, page.Find("[data-testid=overdue] tbody tr a").GetAttribute("href"));
        Assert.Equal(
            [$"/items?roundId={Round}&closedOutFrom=2025-01-06&closedOutTo=2025-01-12", $"/items?roundId={Round}&closedOutFrom=2025-01-13&closedOutTo=2025-01-16"],
            page.FindAll("[data-testid=trend-closed-out] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_office_issues_a_supervision_notice_for_a_departments_overdue_items_and_is_offered_its_docx()
    {
        SignIn(Roles.Office);
        var (dialogs, _) = RenderProviders();
        Mediator
            .Answer<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>(_ => [])
            .Answer<GetDashboardQuery, DashboardDto>(q => Dashboard(q.RoundId, q.DueSoonWorkingDays ?? 5))
            .Answer<Application.Reminders.GetReminderWarningsQuery, Application.Reminders.ReminderWarningsDto>(_ => new(new([], 0, null), 0, null))
            .Answer<Application.Reminders.SuperviseDepartmentCommand, Application.Reminders.SupervisionNoticeDto>(c =>
                new(Guid.Empty, "督〔2025〕3号", "办公室", c.ReplyBy, 3, "/api/supervision-notices/1/docx"));

        var page = Render<Dashboard>();
        page.WaitForElement("[data-testid=supervise-department]").Click();
        dialogs.WaitForElement("input[data-testid=supervision-reply-by]").Change("2025年1月23日");
        dialogs.Find("textarea[data-testid=supervision-requirement]").Change("说明原因");
        dialogs.Find("[data-testid=supervision-submit]").Click();

        var issued = dialogs.WaitForElement("[data-testid=supervision-issued]");
        Assert.Contains("已出具督〔2025〕3号，列明3个超期事项", issued.TextContent, StringComparison.Ordinal);
        Assert.Equal("/api/supervision-notices/1/docx", issued.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(
            new Application.Reminders.SuperviseDepartmentCommand(Department, new DateOnly(2025, 1, 23), "说明原因"),
            Mediator.SentOf<Application.Reminders.SuperviseDepartmentCommand>().Single());
    }

    [Fact]
    public void Department_staff_are_told_the_dashboard_is_not_theirs_and_nothing_is_asked()
    {
        SignIn(Roles.DepartmentStaff);

        var page = Render<Dashboard>();

        Assert.Contains("领导看板供整改办、院领导、纪检监察和部门负责人查看", page.Markup, StringComparison.Ordinal);
        Assert.Empty(Mediator.Sent);
    }

    private static readonly OverdueItemDto Overdue = new(
        Guid.NewGuid(), Round, ItemKind.Feedback, 3, "理论学习不够深入", "整改中", Department, "办公室", "周敏",
        new DateOnly(2024, 12, 10), new DateOnly(2024, 12, 17), 21, 2);

    private static DashboardDto Dashboard(Guid? roundId, int dueSoon) => new(
        new DateOnly(2025, 1, 16),
        roundId,
        dueSoon,
        Figures,
        [new RoundTotalsDto(Round, "市委第三巡察组", "某区人民检察院党组", new DateOnly(2024, 7, 15), Figures)],
        [new DepartmentWarningsDto(Department, "办公室", 3, 2)],
        [new AgingBucketDto(null, 5, 1), new AgingBucketDto(6, 20, 1), new AgingBucketDto(21, null, 1)],
        new DashboardList<OverdueItemDto>(3, [Overdue]),
        new DashboardList<UpcomingItemDto>(0, []),
        [
            new WeekTrendDto(new DateOnly(2024, 12, 30), new DateOnly(2025, 1, 5), 40, 0),
            new WeekTrendDto(new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 12), 38, 2),
            new WeekTrendDto(new DateOnly(2025, 1, 13), new DateOnly(2025, 1, 16), 37, 1),
        ]);

    private static string? Href(IRenderedComponent<Dashboard> page, string selector) => page.Find(selector).GetAttribute("href");
}
