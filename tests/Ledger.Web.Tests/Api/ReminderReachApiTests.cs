using System.Net.Http.Json;
using Hangfire;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Notifications;
using Ledger.Application.Reminders;
using Ledger.Domain.Reminders;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Ledger.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Reminders that reach everyone and lose no day, on the fake clock through the real host and database: the
/// account-less 责任人, items reaching nobody, missed days caught up, the digest after a slow scan, the calendar's
/// missing years and one overdue list a day.
/// </summary>
public sealed class ReminderReachApiTests : IDisposable
{
    private static readonly DateOnly Jan16 = new(2025, 1, 16);

    private readonly LedgerApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_responsible_person_without_an_account_is_chased_through_the_head_and_an_item_reaching_nobody_is_listed_for_the_office()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var ledgers = new Ledgers(_factory.CreateClient());
        var withoutAccount = await ledgers.PersonAsync("赵六", scene.Department);
        var politics = await ledgers.DepartmentAsync("政治部");
        _factory.CreateUser("politics-head", Roles.DepartmentHead, politics.Id);
        var technology = await ledgers.DepartmentAsync("技术信息室");
        var nobody = await ledgers.PersonAsync("钱七", technology.Id);

        var chasedHead = await scene.UnacknowledgedItemDueAsync("责任人没有账号", "2025-01-15");
        chasedHead = await scene.AssignAsync(chasedHead, "2025-01-15", responsiblePerson: withoutAccount.Id);
        await new Ledgers(scene.HeadClient()).ActAsync(chasedHead, "acknowledge");
        var shared = await scene.UnacknowledgedItemDueAsync("配合部门参与", "2025-01-20");
        shared = await scene.AssignAsync(shared, "2025-01-20", coDepartments: [politics.Id]);
        await new Ledgers(scene.HeadClient()).ActAsync(shared, "acknowledge");
        var lost = await scene.UnacknowledgedItemDueAsync("无人接收", "2025-02-28");
        lost = await scene.AssignAsync(lost, "2025-02-28", leadDepartment: technology.Id, responsiblePerson: nobody.Id);

        await scene.ScanAsync(Jan16);

        // The head gets the daily 超期 meant for 赵六; the co-department's head gets the deadline of the shared item.
        Assert.Equal(
            ["DueSoon 3 head", "DueSoon 3 politics-head", "DueSoon 3 zhangsan", "Overdue 1 head"],
            (await scene.RemindersOnAsync(Jan16)).Order());
        var headInbox = await scene.Client("head").GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json);
        Assert.Contains(headInbox!.Items, n => n.Title == "【超期催办】2024年三巡·第1项「责任人没有账号」，已超期1个工作日");

        var office = _factory.CreateClient();
        var work = (await office.GetFromJsonAsync<MyWorkDto>("/api/my-work", LedgerApiFactory.Json))!;
        var unreached = work.Groups.Single(g => g.Kind == MyWorkKind.Unreached);
        Assert.Equal([lost.Id], unreached.Items.Select(i => i.Id));
        Assert.Equal("责任人钱七没有账号，牵头部门技术信息室没有部门负责人账号，提醒无人接收。", unreached.Notes![lost.Id]);
        var warnings = await office.GetFromJsonAsync<ReminderWarningsDto>("/api/reminders/warnings", LedgerApiFactory.Json);
        Assert.Equal(1, warnings!.UnreachedItems);
        Assert.StartsWith("1个未完成事项的提醒无人接收", warnings.UnreachedWarning, StringComparison.Ordinal);
        await (await scene.Client("head").GetAsync("/api/reminders/warnings")).ProblemAsync(403);

        // An account for 钱七 makes the item reach someone again.
        _factory.CreateUser("qianqi", Roles.DepartmentStaff, technology.Id, nobody.Id);
        Assert.Equal(0, (await office.GetFromJsonAsync<ReminderWarningsDto>("/api/reminders/warnings", LedgerApiFactory.Json))!.UnreachedItems);
    }

    [Fact]
    public async Task Days_the_scan_missed_are_caught_up_in_order_at_the_next_run_without_sending_anything_twice()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        await scene.ItemDueAsync("长期未整改", "2025-01-10");
        await scene.ScanAsync(Jan16);
        Assert.Equal(["Escalation 1 lisi", "Escalation 1 office-test", "Overdue 6 zhangsan"], (await scene.RemindersOnAsync(Jan16)).Order());

        // The server was down on Friday the 17th and Monday the 20th; it runs again on Tuesday the 21st.
        await scene.ScanAsync(new DateOnly(2025, 1, 21));
        Assert.Equal(["Overdue 7 zhangsan"], await scene.RemindersOnAsync(new DateOnly(2025, 1, 17)));
        Assert.Empty(await scene.RemindersOnAsync(new DateOnly(2025, 1, 18)));
        Assert.Equal(["LeaderDigest 0 lisi", "Overdue 10 zhangsan"], (await scene.RemindersOnAsync(new DateOnly(2025, 1, 20))).Order());
        Assert.Equal(["Overdue 11 zhangsan"], await scene.RemindersOnAsync(new DateOnly(2025, 1, 21)));
        Assert.Equal(
            Enumerable.Range(0, 6).Select(d => Jan16.AddDays(d)),
            await DbAsync(db => db.ReminderScanDays.OrderBy(d => d.Day).Select(d => d.Day).ToListAsync()));
        var inbox = await scene.Client("zhangsan").GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json);
        Assert.Equal(["2025年1月21日", "2025年1月20日", "2025年1月17日", "2025年1月16日"], inbox!.Items.Select(n => n.DayText));

        // Run again, and again at a host's start: nothing new.
        var before = await DbAsync(db => db.Reminders.CountAsync());
        await scene.JobsAsync(j => j.ScanAsync(CancellationToken.None));
        await scene.JobsAsync(j => j.CatchUpAsync(new DateOnly(2025, 1, 21), CancellationToken.None));
        Assert.Equal(before, await DbAsync(db => db.Reminders.CountAsync()));

        // A month later only the last ten days are scanned, not weeks of stale reminders.
        await scene.ScanAsync(new DateOnly(2025, 3, 3));
        Assert.Equal(
            new DateOnly(2025, 2, 22),
            await DbAsync(db => db.ReminderScanDays.Where(d => d.Day > new DateOnly(2025, 1, 21)).MinAsync(d => d.Day)));
        Assert.Equal(10, await DbAsync(db => db.ReminderScanDays.CountAsync(d => d.Day > new DateOnly(2025, 1, 21))));
    }

    [Fact]
    public async Task A_host_starting_after_the_scan_time_enqueues_a_catch_up_through_today_and_before_it_through_yesterday()
    {
        _factory.CreateClient();
        var monitor = _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var catchUp = Assert.Single(monitor.EnqueuedJobs("default", 0, 100), j => j.Value.Job.Method.Name == nameof(ReminderJobs.CatchUpAsync));
        Assert.Equal(Jan16, catchUp.Value.Job.Args[0]);

        // 10:00 in China is after 08:30; 08:00 is before; a weekdays-only schedule on a Saturday has no run to wait for.
        Assert.Equal(Jan16, JobsSetup.CatchUpThrough("30 8 * * *", LedgerApiFactory.Now));
        Assert.Equal(Jan16.AddDays(-1), JobsSetup.CatchUpThrough("30 8 * * *", LedgerApiFactory.Now.AddHours(-2)));
        Assert.Equal(new DateOnly(2025, 1, 18), JobsSetup.CatchUpThrough("30 8 * * 1-5", new DateTimeOffset(2025, 1, 18, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task The_daily_digest_waits_for_a_slow_scan_and_then_holds_all_of_the_day()
    {
        await using var smtp = TestSmtpServer.Start();
        using var factory = new MailingFactory(smtp.Port);
        var scene = await ReminderScene.CreateAsync(factory);
        await scene.ItemDueAsync("临近时限", "2025-01-20");
        await scene.ItemDueAsync("已经超期", "2025-01-15");
        await (await scene.Client("zhangsan").PutJsonAsync("/api/me/notification-settings", new { email = "zhangsan@example.gov.cn", emailReminders = true }))
            .ReadAsync<NotificationSettingsDto>();

        // The scan has recorded its first batch and is still working when the dispatcher runs.
        await scene.AtAsync(Jan16);
        var plan = await scene.SendAsync(new PlanRemindersQuery(Jan16));
        await scene.SendAsync(new RecordRemindersCommand(Jan16, [.. plan.Messages.Where(m => m.Kind == ReminderKind.DueSoon)]));
        await scene.JobsAsync(j => j.DispatchAsync(CancellationToken.None));
        Assert.Empty(smtp.Messages);
        Assert.Equal(1, (await scene.Client("zhangsan").GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);

        await scene.JobsAsync(j => j.ScanAsync(CancellationToken.None));

        var mail = Assert.Single(smtp.Messages).Parse();
        Assert.Equal("【巡察整改台账】2025年1月16日提醒（2条）", mail.Subject);
        Assert.Contains("【临期提醒】2024年三巡·第1项「临近时限」，还剩2个工作日", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("【超期催办】2024年三巡·第1项「已经超期」，已超期1个工作日", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(["DueSoon 3 head", "DueSoon 3 zhangsan", "Overdue 1 zhangsan"], (await scene.RemindersOnAsync(Jan16)).Order());
    }

    [Fact]
    public async Task Open_deadlines_in_2027_warn_the_administrator_and_the_office_until_the_year_is_entered_and_no_holiday_is_invented()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var item = await scene.ItemDueAsync("跨年整改", "2027-03-01");
        var office = _factory.CreateClient();
        var admin = _factory.ClientFor(Roles.Admin, userName: "calendar-admin");

        var warnings = (await office.GetFromJsonAsync<ReminderWarningsDto>("/api/reminders/warnings", LedgerApiFactory.Json))!.Calendar;
        Assert.Equal([2027], warnings.MissingYears);
        Assert.Equal(1, warnings.Items);
        Assert.StartsWith("工作日历缺少2027年的节假日和调休安排：1个未完成事项", warnings.Warning, StringComparison.Ordinal);
        var year = await scene.Client("zhangsan").GetFromJsonAsync<CalendarYearDto>("/api/calendar?year=2027", LedgerApiFactory.Json);
        Assert.False(year!.Covered);
        Assert.Equal([2027], year.MissingYears);
        Assert.Empty(year.Days);
        var work = (await admin.GetFromJsonAsync<MyWorkDto>("/api/my-work", LedgerApiFactory.Json))!;
        Assert.Equal([item.Id], work.Groups.Single(g => g.Kind == MyWorkKind.CalendarMissing).Items.Select(i => i.Id));
        Assert.DoesNotContain(
            (await scene.HeadClient().GetFromJsonAsync<MyWorkDto>("/api/my-work", LedgerApiFactory.Json))!.Groups, g => g.Kind == MyWorkKind.CalendarMissing);

        await (await admin.PutJsonAsync("/api/calendar/2027-01-01", new { kind = "Holiday", name = "元旦" })).ReadAsync<CalendarDayDto>();

        Assert.Empty((await office.GetFromJsonAsync<ReminderWarningsDto>("/api/reminders/warnings", LedgerApiFactory.Json))!.Calendar.MissingYears);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<MyWorkDto>("/api/my-work", LedgerApiFactory.Json))!.Groups, g => g.Kind == MyWorkKind.CalendarMissing);
    }

    [Fact]
    public async Task Each_person_gets_one_overdue_list_a_day_most_overdue_first_and_the_office_one_escalation_list()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var latest = await scene.ItemDueAsync("超期一天", "2025-01-15");
        var oldest = await scene.ItemDueAsync("超期最久", "2025-01-09");
        var middle = await scene.ItemDueAsync("超期四天", "2025-01-10");

        await scene.ScanAsync(Jan16);

        var overdue = (await scene.Client("zhangsan").GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json))!.Items.Single();
        Assert.Equal((ReminderKind.Overdue, "【超期催办】您有3个事项已超期", (Guid?)null), (overdue.Kind, overdue.Title, overdue.ItemId));
        var lines = overdue.Body.Split('\n').Skip(1).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("1. 2024年三巡·第1项「超期最久」；整改时限：2025年1月9日（已超期5个工作日）", lines[0], StringComparison.Ordinal);
        Assert.EndsWith($"查看：/items/{oldest.Id}", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.Contains($"/items/{middle.Id}", lines[1], StringComparison.Ordinal);
        Assert.Contains($"/items/{latest.Id}", lines[2], StringComparison.Ordinal);

        var escalation = (await scene.Office().GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json))!.Items.Single();
        Assert.Equal("【超期督办】2个事项超期，请督促落实", escalation.Title);

        // 催办次数 still counts each item's own reminders: the oldest two were chased and escalated, the latest chased.
        var rows = (await _factory.CreateClient().GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?pageSize=10", LedgerApiFactory.Json))!.Items;
        Assert.Equal((2, 2, 1), (Sent(oldest), Sent(middle), Sent(latest)));

        int Sent(ItemState item) => rows.Single(r => r.Id == item.Id).RemindersSent;
    }

    private async Task<T> DbAsync<T>(Func<LedgerDbContext, Task<T>> read)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }
}
