using System.Net;
using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Dashboard;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Application.Rounds;
using Ledger.Domain.Items;
using Ledger.Web.Ui;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// A ledger entered on Monday 2 December 2024 and worked on until Thursday 16 January 2025, 10:00 in Beijing (the 元旦
/// holiday on 1 January is not a working day): five items overdue by 1, 4, 6, 20 and 21 working days, two due soon, one
/// closed out on time and one late, in two rounds and two departments. Arranged once: the clock only goes forward.
/// </summary>
public sealed class DashboardLedger() : LedgerApiFactory(new DateTimeOffset(2024, 12, 2, 2, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    public Guid RoundOne { get; private set; }

    public Guid Inspection { get; private set; }

    public Guid Office { get; private set; }

    public async Task InitializeAsync()
    {
        var office = CreateClient();
        var ledgers = new Ledgers(office);
        Inspection = (await ledgers.DepartmentAsync("检务督察部")).Id;
        Office = (await ledgers.DepartmentAsync("办公室")).Id;
        var leader = (await ledgers.PersonAsync("王璐", isLeader: true)).Id;
        var person = (await ledgers.PersonAsync("李明", Office)).Id;
        var one = await ledgers.RoundAsync();
        var two = await ledgers.RoundAsync();
        RoundOne = one.Id;

        async Task<ItemState> Item(RoundDto round, string title, Guid department, string due)
        {
            var item = await ledgers.ItemAsync(round, title);
            return await (await office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
            {
                version = item.Version,
                responsibleLeaderId = leader,
                leadDepartmentId = department,
                responsiblePersonId = person,
                dueDate = due,
            })).ReadAsync<ItemState>();
        }

        await Item(one, "一天", Inspection, "2025-01-15");
        var extended = await Item(one, "六天", Inspection, "2025-01-06");
        await Item(one, "二十一天", Office, "2024-12-17");
        await Item(one, "二十天", Office, "2024-12-18");
        await Item(one, "临期", Inspection, "2025-01-20");
        await Item(one, "两周内", Office, "2025-01-27");
        var onTime = await Item(one, "按期销号", Inspection, "2024-12-20");
        var late = await Item(one, "逾期销号", Office, "2024-12-12");
        await Item(two, "四天", Inspection, "2025-01-10");
        onTime = await ledgers.ActAsync(await ledgers.ActAsync(onTime, "start"), "completed");
        late = await ledgers.ActAsync(await ledgers.ActAsync(late, "start"), "completed");

        At(new DateOnly(2024, 12, 10));
        await CloseOutAsync(onTime, leader);
        At(new DateOnly(2024, 12, 16));
        await CloseOutAsync(late, leader);

        At(new DateOnly(2025, 1, 2));
        extended = await new Ledgers(CreateClient()).ActAsync(extended, "extension/request", new { newDueDate = "2025-01-08", reason = "需等待上级批复" });
        await new Ledgers(ClientFor(Roles.Leader, personId: leader)).ActAsync(extended, "extension/decision", new { approve = true });

        At(new DateOnly(2025, 1, 16));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private async Task CloseOutAsync(ItemState item, Guid leader)
    {
        var office = CreateClient();
        item = await (await Ledgers.UploadAsync(office, item.Id, item.Version, "整改材料.pdf", Ledgers.Pdf(item.Id.ToString()))).ReadAsync<ItemState>();
        item = await new Ledgers(office).ActAsync(item, "close-out/request", new { summary = "整改完成，材料齐全" });
        item = await new Ledgers(office).ActAsync(item, "close-out/review", new { pass = true });
        await new Ledgers(ClientFor(Roles.Leader, personId: leader)).ActAsync(item, "close-out/decision", new { approve = true });
    }

    /// <summary>Moves the clock to 10:00 in Beijing on <paramref name="day"/>; tokens of earlier days have expired.</summary>
    private void At(DateOnly day)
    {
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        SignInAgain();
    }
}

public sealed class DashboardApiTests(DashboardLedger factory) : IClassFixture<DashboardLedger>
{
    [Fact]
    public async Task The_dashboard_counts_the_ledger_of_today_and_its_weeks_from_the_history()
    {
        var office = factory.CreateClient();
        var dashboard = await DashboardAsync(office, string.Empty);

        Assert.Equal(new DateOnly(2025, 1, 16), dashboard.Today);
        Assert.Equal(new ItemFigures(9, 2, 0, 0, 7, 2, 5, 7, 1, 0), dashboard.Totals);
        Assert.Equal((22.2m, 14.3m), (dashboard.Totals.CompletionRate, dashboard.Totals.OnTimeRate));
        Assert.Equal([8, 1], dashboard.Rounds.Select(r => r.Figures.Total).OrderDescending());

        // The same figures as the round's own figures.
        var (_, figures) = await FigureRequests.FiguresAsync(office, factory.RoundOne);
        Assert.Equal(figures.All, dashboard.Rounds.Single(r => r.RoundId == factory.RoundOne).Figures);

        Assert.Equal(
            [new DepartmentWarningsDto(factory.Inspection, "检务督察部", 3, 1), new DepartmentWarningsDto(factory.Office, "办公室", 2, 0)],
            dashboard.Departments);
        Assert.Equal([new AgingBucketDto(null, 5, 2), new AgingBucketDto(6, 20, 2), new AgingBucketDto(21, null, 1)], dashboard.Aging);

        Assert.Equal(5, dashboard.Overdue.Total);
        Assert.Equal(
            [("二十一天", 21), ("二十天", 20), ("六天", 6), ("四天", 4), ("一天", 1)],
            dashboard.Overdue.Rows.Select(r => (r.Title, r.WorkingDaysOverdue)));
        var extended = dashboard.Overdue.Rows.Single(r => r.Title == "六天");
        Assert.Equal((new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 8), "李明", "检务督察部"), (extended.OriginalDueDate, extended.DueDate, extended.ResponsiblePersonName, extended.LeadDepartmentName));
        Assert.All(dashboard.Overdue.Rows.Where(r => r.Title != "六天"), r => Assert.Equal(r.DueDate, r.OriginalDueDate));

        // 27 January is 8 working days away: 26 January, a Sunday, is worked before 春节.
        Assert.Equal(2, dashboard.Upcoming.Total);
        Assert.Equal([("临期", 2), ("两周内", 8)], dashboard.Upcoming.Rows.Select(r => (r.Title, r.WorkingDaysLeft)));

        Assert.Equal(12, dashboard.Trend.Count);
        Assert.Equal((new DateOnly(2024, 10, 28), new DateOnly(2025, 1, 13), new DateOnly(2025, 1, 16)), (dashboard.Trend[0].WeekStart, dashboard.Trend[^1].WeekStart, dashboard.Trend[^1].WeekEnd));
        Assert.Equal(
            [(0, 0), (0, 0), (0, 0), (0, 0), (0, 0), (9, 0), (8, 1), (7, 1), (7, 0), (7, 0), (7, 0), (7, 0)],
            dashboard.Trend.Select(w => (w.Open, w.ClosedOut)));
    }

    [Fact]
    public async Task Each_aging_bucket_and_warning_is_the_ledger_filter_it_links_to()
    {
        var office = factory.CreateClient();
        var dashboard = await DashboardAsync(office, string.Empty);

        foreach (var bucket in dashboard.Aging)
        {
            var ledger = await LedgerAsync(office, LedgerQuery.Format(new ListItemsQuery { OverdueWorkingDaysFrom = bucket.FromWorkingDays, OverdueWorkingDaysTo = bucket.ToWorkingDays }, paging: false));
            Assert.Equal(bucket.Count, ledger.TotalCount);
            Assert.All(ledger.Items, i => Assert.InRange(-i.WorkingDaysLeft!.Value, bucket.FromWorkingDays ?? 0, bucket.ToWorkingDays ?? int.MaxValue));
        }

        foreach (var department in dashboard.Departments)
        {
            Assert.Equal(department.Overdue, (await LedgerAsync(office, $"leadDepartmentId={department.DepartmentId}&overdue=true")).TotalCount);
            Assert.Equal(department.DueSoon, (await LedgerAsync(office, $"leadDepartmentId={department.DepartmentId}&dueWithinDays={dashboard.DueSoonWorkingDays}")).TotalCount);
        }

        Assert.Equal(
            dashboard.Overdue.Rows.Select(r => r.Id),
            (await LedgerAsync(office, "overdue=true&sort=Deadline")).Items.Select(i => i.Id));
        Assert.Equal(
            ["二十天", "六天"],
            (await LedgerAsync(office, "overdueWorkingDaysFrom=6&overdueWorkingDaysTo=20&sort=Deadline")).Items.Select(i => i.Title));
        Assert.Equal(["二十一天"], (await LedgerAsync(office, "overdueWorkingDaysFrom=21")).Items.Select(i => i.Title));
        await (await office.GetAsync("/api/items?overdueWorkingDaysFrom=6&overdueWorkingDaysTo=5")).ProblemAsync(400);

        // Each week's 当周销号 opens the items its history closed out that week.
        foreach (var week in dashboard.Trend)
        {
            var closed = await LedgerAsync(office, LedgerQuery.Format(new ListItemsQuery { ClosedOutFrom = week.WeekStart, ClosedOutTo = week.WeekEnd }, paging: false));
            Assert.Equal(week.ClosedOut, closed.TotalCount);
            Assert.All(closed.Items, i => Assert.Equal(ItemStatus.ClosedOut, i.Status));
        }

        Assert.Equal(2, dashboard.Trend.Sum(w => w.ClosedOut));
        await (await office.GetAsync("/api/items?closedOutFrom=2025-01-16&closedOutTo=2025-01-15")).ProblemAsync(400);
    }

    [Fact]
    public async Task Each_departments_rates_and_lights_count_its_items_as_the_totals_do_and_each_light_is_the_ledger_it_opens()
    {
        var office = factory.CreateClient();
        var figures = await DepartmentsAsync(office, string.Empty);

        // 办公室: two overdue, one due in 8 working days, one closed out late; 检务督察部: three overdue, one due soon, one on time.
        Assert.Equal(
            [new DepartmentFiguresDto(factory.Office, "办公室", 4, 1, 3, 0, 2, 0, 1), new DepartmentFiguresDto(factory.Inspection, "检务督察部", 5, 1, 4, 1, 3, 1, 0)],
            figures);
        Assert.Equal([(25m, (decimal?)0m), (20m, 25m)], figures.Select(f => (f.CompletionRate!.Value, f.OnTimeRate)));

        var totals = (await DashboardAsync(office, string.Empty)).Totals;
        Assert.Equal((totals.Total, totals.Completed, totals.Due, totals.ClosedOnTime), (figures.Sum(f => f.Total), figures.Sum(f => f.Completed), figures.Sum(f => f.Due), figures.Sum(f => f.ClosedOnTime)));
        foreach (var department in figures)
        {
            Assert.Equal(department.Red, (await LedgerAsync(office, $"leadDepartmentId={department.DepartmentId}&overdue=true")).TotalCount);
            Assert.Equal(department.Yellow, (await LedgerAsync(office, $"leadDepartmentId={department.DepartmentId}&dueWithinDays=3")).TotalCount);
        }

        Assert.Equal([4, 4], (await DepartmentsAsync(office, $"?roundId={factory.RoundOne}")).Select(f => f.Total));
        Assert.Equal((1, 0), (await DepartmentsAsync(office, "?dueSoonDays=10")).Select(f => (f.Yellow, f.Green)).First());
        Assert.Equal([factory.Office], (await DepartmentsAsync(factory.ClientFor(Roles.DepartmentHead, factory.Office), string.Empty)).Select(f => f.DepartmentId!.Value));
        await (await factory.ClientFor(Roles.DepartmentStaff, factory.Office).GetAsync("/api/dashboard/departments")).ProblemAsync(403);
        await (await office.GetAsync($"/api/dashboard/departments?roundId={Guid.NewGuid()}")).ProblemAsync(404);
        await (await office.GetAsync("/api/dashboard/departments?dueSoonDays=-1")).ProblemAsync(400);
    }

    [Fact]
    public async Task One_round_and_a_wider_due_soon_window()
    {
        var dashboard = await DashboardAsync(factory.CreateClient(), $"?roundId={factory.RoundOne}&dueSoonDays=10");

        Assert.Equal((factory.RoundOne, 10, 8, 4), (dashboard.RoundId, dashboard.DueSoonWorkingDays, dashboard.Totals.Total, dashboard.Overdue.Total));
        Assert.Equal(factory.RoundOne, Assert.Single(dashboard.Rounds).RoundId);
        Assert.DoesNotContain("四天", dashboard.Overdue.Rows.Select(r => r.Title));
        Assert.Equal([(factory.Office, 2, 1), (factory.Inspection, 2, 1)], dashboard.Departments.Select(d => (d.DepartmentId!.Value, d.Overdue, d.DueSoon)));
    }

    [Fact]
    public async Task A_department_head_sees_the_departments_items_and_staff_and_strangers_are_refused()
    {
        var head = await DashboardAsync(factory.ClientFor(Roles.DepartmentHead, factory.Office), string.Empty);

        Assert.Equal(new ItemFigures(4, 1, 0, 0, 3, 1, 2, 3, 0, 0), head.Totals);
        Assert.Equal([new DepartmentWarningsDto(factory.Office, "办公室", 2, 0)], head.Departments);
        Assert.Equal(["二十一天", "二十天"], head.Overdue.Rows.Select(r => r.Title));
        Assert.Equal(factory.RoundOne, Assert.Single(head.Rounds).RoundId);

        await (await factory.ClientFor(Roles.DepartmentStaff, factory.Office).GetAsync("/api/dashboard")).ProblemAsync(403);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync("/api/dashboard")).StatusCode);
        await (await factory.CreateClient().GetAsync($"/api/dashboard?roundId={Guid.NewGuid()}")).ProblemAsync(404);
        await (await factory.CreateClient().GetAsync("/api/dashboard?dueSoonDays=-1")).ProblemAsync(400);
    }

    private static async Task<DashboardDto> DashboardAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/dashboard{query}")).ReadAsync<DashboardDto>();

    private static async Task<List<DepartmentFiguresDto>> DepartmentsAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/dashboard/departments{query}")).ReadAsync<List<DepartmentFiguresDto>>();

    private static async Task<PagedResult<ItemListDto>> LedgerAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?{query}&pageSize=200", LedgerApiFactory.Json))!;
}
