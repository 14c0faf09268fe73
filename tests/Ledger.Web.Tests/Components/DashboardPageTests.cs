using Bunit;
using Ledger.Application.Common.Security;
using Ledger.Application.Dashboard;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Domain.Items;
using Ledger.Web.Components.Pages;
using Ledger.Web.Ui;
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
            .Answer<GetDashboardQuery, DashboardDto>(q => Dashboard(q.RoundId, q.DueSoonWorkingDays ?? 5))
            .Answer<ListMyWorkQuery, MyWorkDto>(_ => new MyWorkDto([], 0))
            .Answer<GetDepartmentFiguresQuery, IReadOnlyList<DepartmentFiguresDto>>(_ => []);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/dashboard?roundId={Round}");

        var page = Render<Dashboard>();

        page.WaitForElement("[data-testid=card-overdue]");
        Assert.Equal(new GetDashboardQuery(Round), Mediator.SentOf<GetDashboardQuery>().Single());
        Assert.Equal($"/items?roundId={Round}&overdue=true&sort=Deadline", Href(page, "[data-testid=card-overdue]"));
        Assert.Equal($"/items?roundId={Round}&status=Completed&status=CloseOutRequested&status=ClosedOut", Href(page, "[data-testid=card-completed]"));
        Assert.Equal($"/items?roundId={Round}&status=PartiallyDone", Href(page, "[data-testid=card-partially-done]"));
        Assert.Equal($"/items?roundId={Round}&movedOutOfOverdue=true", Href(page, "[data-testid=card-moved-out-of-overdue]"));
        Assert.Equal("因调整时限退出超期2个原定时限已过、因延期或调整时限现未超期的事项", string.Concat(page.Find("[data-testid=card-moved-out-of-overdue]").TextContent.Where(c => !char.IsWhiteSpace(c))));
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
    public void A_leader_sees_the_requests_waiting_for_their_approval_each_linking_to_its_item()
    {
        SignIn(Roles.Leader);
        var closeOut = Items.Row(ItemStatus.CloseOutRequested);
        var extension = Items.Row(ItemStatus.InProgress);
        Mediator
            .Answer<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>(_ => [])
            .Answer<GetDashboardQuery, DashboardDto>(q => Dashboard(q.RoundId, q.DueSoonWorkingDays ?? 5))
            .Answer<ListMyWorkQuery, MyWorkDto>(_ => new MyWorkDto(
                [
                    new(MyWorkKind.CloseOutToApprove, "待审批的销号申请", "整改办已审核通过、等待领导审批的销号申请。", 1, [closeOut], null),
                    new(MyWorkKind.ExtensionToDecide, "待审批的延期申请", "牵头部门申请延长整改时限的事项。", 1, [extension], null),
                    new(MyWorkKind.LeaderOverdue, "我分管的超期事项", "已过整改时限尚未完成的事项。", 3, [Items.Row()], null),
                ],
                5))
            .Answer<GetDepartmentFiguresQuery, IReadOnlyList<DepartmentFiguresDto>>(_ => []);

        var page = Render<Dashboard>();

        var approvals = page.WaitForElement("[data-testid=approvals]");
        Assert.Equal("2", approvals.QuerySelector("[data-testid=approvals-count]")!.TextContent);
        Assert.Equal(
            [UiPaths.Item(closeOut.Id), UiPaths.Item(extension.Id)],
            approvals.QuerySelectorAll("[data-testid=approval-item]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["待审批的销号申请（1）", "待审批的延期申请（1）"], approvals.QuerySelectorAll(".dashboard-approvals-title").Select(t => t.TextContent));
    }

    [Fact]
    public void Departments_rank_by_rate_or_by_overdue_count_with_full_names_and_their_red_and_yellow_bars_open_the_ledger()
    {
        SignIn(Roles.Leader);
        var planning = Guid.NewGuid();
        IReadOnlyList<DepartmentFiguresDto> figures =
        [
            new(planning, "计划财务装备部", 10, 9, 8, 6, 1, 0, 0),
            new(Guid.NewGuid(), "办公室", 10, 2, 10, 1, 5, 2, 1),
            new(Guid.NewGuid(), "第一检察部", 10, 5, 6, 3, 2, 1, 2),
            new(Guid.NewGuid(), "第二检察部", 10, 6, 6, 4, 0, 3, 1),
            new(Guid.NewGuid(), "政治部", 10, 7, 7, 7, 0, 0, 3),
            new(Guid.NewGuid(), "案件管理部", 10, 4, 9, 2, 3, 0, 3),
            new(null, "未定牵头部门", 2, 0, 0, 0, 0, 0, 0),
        ];
        Mediator
            .Answer<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>(_ => [])
            .Answer<GetDashboardQuery, DashboardDto>(q => Dashboard(q.RoundId, q.DueSoonWorkingDays ?? 5))
            .Answer<GetDepartmentFiguresQuery, IReadOnlyList<DepartmentFiguresDto>>(_ => figures)
            .Answer<ListMyWorkQuery, MyWorkDto>(_ => new MyWorkDto([], 0));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/dashboard?roundId={Round}");

        var page = Render<Dashboard>();

        page.WaitForElement("[data-testid=department-figures]");
        Assert.Equal(new GetDepartmentFiguresQuery(Round, 5), Mediator.SentOf<GetDepartmentFiguresQuery>().Single());
        string[] Names() => [.. page.FindAll("[data-testid=department-row] td.department-name").Select(td => td.TextContent.Trim())];
        Assert.Equal(["计划财务装备部", "政治部", "第二检察部", "第一检察部", "案件管理部", "办公室", "未定牵头部门"], Names());
        var first = page.FindAll("[data-testid=department-row]")[0];
        Assert.Contains("红榜", first.TextContent, StringComparison.Ordinal);
        Assert.Equal(("90%", "75%"), (first.QuerySelector("[data-testid=completion-rate]")!.TextContent, first.QuerySelector("[data-testid=on-time-rate]")!.TextContent));
        Assert.Contains("黑榜", page.FindAll("[data-testid=department-row]")[5].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/items?roundId={Round}&leadDepartmentId={planning}&overdue=true&sort=Deadline", first.QuerySelector("[data-testid=light-red]")!.GetAttribute("href"));

        page.Find("[data-testid=rank-on-time]").Click();
        Assert.Equal(["政治部", "计划财务装备部", "第二检察部", "第一检察部", "案件管理部", "办公室", "未定牵头部门"], Names());
        page.Find("[data-testid=rank-overdue]").Click();
        Assert.Equal(["办公室", "案件管理部", "第一检察部", "计划财务装备部", "第二检察部", "政治部", "未定牵头部门"], Names());
        var office = page.FindAll("[data-testid=department-row]")[0];
        Assert.Equal(["5", "2"], office.QuerySelectorAll("a.light").Select(a => a.TextContent));
        Assert.EndsWith("&dueWithinDays=5&sort=Deadline", office.QuerySelector("[data-testid=light-yellow]")!.GetAttribute("href"), StringComparison.Ordinal);

        // The definitions are written out, not left to a hover.
        Assert.Contains("按期完成率＝按期销号÷到期应完成", page.Find("[data-testid=department-figures-note]").TextContent, StringComparison.Ordinal);
        Assert.Equal("按期销号20个÷到期应完成30个（已完成未销号的不计入）", page.Find("[data-testid=card-on-time-rate-note]").TextContent);
    }

    [Fact]
    public void The_office_issues_a_supervision_notice_for_a_departments_overdue_items_and_is_offered_its_docx()
    {
        SignIn(Roles.Office);
        var (dialogs, _) = RenderProviders();
        Mediator
            .Answer<ListRoundsQuery, IReadOnlyList<RoundSummaryDto>>(_ => [])
            .Answer<GetDashboardQuery, DashboardDto>(q => Dashboard(q.RoundId, q.DueSoonWorkingDays ?? 5))
            .Answer<GetDepartmentFiguresQuery, IReadOnlyList<DepartmentFiguresDto>>(_ => [])
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
        Guid.NewGuid(), Round, ItemKind.Feedback, 3, "2024年三巡·第3项", "理论学习不够深入", "整改中", Department, "办公室", "周敏",
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
        ],
        2);

    private static string? Href(IRenderedComponent<Dashboard> page, string selector) => page.Find(selector).GetAttribute("href");
}
