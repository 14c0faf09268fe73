using System.Globalization;
using System.Net.Http.Json;
using Hangfire;
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
/// Reminders as the scan job sends them, day by day on the fake clock, through the real host and database. Each test
/// owns its host because it moves the clock.
/// </summary>
public sealed class ReminderApiTests : IDisposable
{
    private readonly LedgerApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_item_due_after_the_spring_festival_is_reminded_on_working_days_only_and_escalates_up_the_chain()
    {
        var scene = await ReminderScene.CreateAsync(_factory, principalAfter: 5);
        var item = await scene.ItemDueAsync("理论学习不够深入", "2025-02-05");

        // 2025: 春节 1月28日–2月4日 off; Sunday 1月26日 and Saturday 2月8日 worked (调休).
        var expected = new Dictionary<string, string[]>
        {
            ["2025-01-22"] = ["DueSoon 5 zhangsan", "DueSoon 5 head"],
            ["2025-01-24"] = ["DueSoon 3 zhangsan", "DueSoon 3 head", "ProgressDue 0 head"],
            ["2025-01-27"] = ["DueSoon 1 zhangsan", "DueSoon 1 head", "LeaderDigest 0 lisi"],
            // Friday 1月31日 is in the festival: its progress reminder moves to the next working day, in the next week.
            ["2025-02-05"] = ["DueToday 0 zhangsan", "DueToday 0 head", "LeaderDigest 0 lisi", "ProgressDue 0 head"],
            ["2025-02-06"] = ["Overdue 1 zhangsan"],
            ["2025-02-07"] = ["Overdue 2 zhangsan", "ProgressDue 0 head"],
            ["2025-02-08"] = ["Overdue 3 zhangsan", "Escalation 1 lisi", "Escalation 1 office-test"],
            ["2025-02-10"] = ["Overdue 5 zhangsan", "LeaderDigest 0 lisi"],
            ["2025-02-11"] = ["Overdue 6 zhangsan", "Escalation 2 wangwu"],
            ["2025-02-12"] = ["Overdue 7 zhangsan"],
        };
        for (var day = new DateOnly(2025, 1, 16); day <= new DateOnly(2025, 2, 12); day = day.AddDays(1))
        {
            await scene.ScanAsync(day);
            Assert.Equal(
                (expected.GetValueOrDefault(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) ?? []).Order(),
                (await scene.RemindersOnAsync(day)).Order());
        }

        // A second scan the same day, and a scan of a day already scanned, remind no one again.
        await scene.ScanAsync(new DateOnly(2025, 2, 12));
        await scene.JobsAsync(j => j.ScanAsync(CancellationToken.None));
        Assert.Equal(["Overdue 7 zhangsan"], await scene.RemindersOnAsync(new DateOnly(2025, 2, 12)));

        var zhangsan = scene.Client("zhangsan");
        var inbox = await zhangsan.GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json);
        Assert.Equal(10, inbox!.TotalCount);
        var latest = inbox.Items[0];
        Assert.Equal(ReminderKind.Overdue, latest.Kind);
        Assert.Equal("【超期催办】2024年三巡·第1项「理论学习不够深入」，已超期6个工作日", latest.Title);
        Assert.Contains("整改时限：2025年2月5日（已超期6个工作日）", latest.Body, StringComparison.Ordinal);
        Assert.Contains("巡察：市委第三巡察组巡察某区人民检察院党组", latest.Body, StringComparison.Ordinal);
        Assert.Equal($"/items/{item.Id}", latest.Link);
        Assert.Equal("2025年2月12日", latest.DayText);
        var dueSoon = inbox.Items.Single(n => n.Day == new DateOnly(2025, 1, 24));
        Assert.Equal("【临期提醒】2024年三巡·第1项「理论学习不够深入」，还剩3个工作日", dueSoon.Title);

        var digest = (await scene.Client("lisi").GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json))!
            .Items.First(n => n.Kind == ReminderKind.LeaderDigest);
        Assert.Equal("【每周领导提醒】您负责的1个事项已超期或临近整改时限", digest.Title);
        Assert.Contains("2024年三巡·第1项「理论学习不够深入」；整改时限：2025年2月5日（已超期4个工作日）；责任部门：第一检察部", digest.Body, StringComparison.Ordinal);

        var escalation = (await scene.Office().GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json))!.Items.Single();
        Assert.Equal("【超期督办】2024年三巡·第1项「理论学习不够深入」，已超期3个工作日", escalation.Title);
        Assert.Contains("该事项已超期3个工作日，请督促责任部门落实整改。", escalation.Body, StringComparison.Ordinal);
        Assert.Contains("责任部门：第一检察部；责任人：张三", escalation.Body, StringComparison.Ordinal);

        // 催办次数 counts reminding events, not recipients: the weekly list to the leader is not a chase.
        var listed = await scene.Office().GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?pageSize=10", LedgerApiFactory.Json);
        Assert.Equal(15, listed!.Items.Single(i => i.Id == item.Id).RemindersSent);
    }

    [Fact]
    public async Task The_settings_summary_says_while_no_principal_is_named_and_names_them_once_chosen()
    {
        var office = _factory.CreateClient();
        var defaults = await (await office.GetAsync("/api/reminders/settings")).ReadAsync<Application.Settings.ReminderSettingsDto>();
        Assert.Null(defaults.PrincipalLeaderPersonId);
        Assert.Contains("超期3个工作日提醒责任领导和整改办（尚未指定主要负责人，超期10个工作日的提醒无人接收）", defaults.Summary, StringComparison.Ordinal);

        await ReminderScene.CreateAsync(_factory, principalAfter: 5);

        var chosen = await (await office.GetAsync("/api/reminders/settings")).ReadAsync<Application.Settings.ReminderSettingsDto>();
        Assert.Contains("超期3个工作日提醒责任领导和整改办，超期5个工作日提醒主要负责人王五", chosen.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未指定", chosen.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completed_items_items_awaiting_close_out_and_closed_items_are_not_reminded()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var open = await scene.ItemDueAsync("仍在整改", "2025-01-10");
        var completed = await scene.SettleAsync(await scene.ItemDueAsync("已完成", "2025-01-10"), "completed");
        var requested = await scene.SettleAsync(await scene.ItemDueAsync("销号申请中", "2025-01-10"), "close-out/request");
        var closed = await scene.SettleAsync(await scene.ItemDueAsync("已销号", "2025-01-10"), "close-out/decision");

        await scene.ScanAsync(new DateOnly(2025, 1, 17));

        var reminded = await scene.RemindedItemsAsync();
        Assert.Contains(open.Id, reminded);
        Assert.DoesNotContain(completed, reminded);
        Assert.DoesNotContain(requested, reminded);
        Assert.DoesNotContain(closed, reminded);
    }

    [Fact]
    public async Task A_changed_deadline_withdraws_the_undelivered_reminder_and_starts_a_new_series()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var item = await scene.ItemDueAsync("整改时限调整", "2025-01-17");
        await scene.AtAsync(new DateOnly(2025, 1, 16));
        await scene.ScanOnlyAsync();

        item = await scene.AssignAsync(item, "2025-01-24");
        var delivery = await scene.SendAsync(new DeliverNotificationsCommand());
        Assert.Equal(0, delivery.Delivered);
        Assert.Equal(2, delivery.Cancelled);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            Assert.All(await db.Notifications.ToListAsync(), n => Assert.Equal("整改时限已调整为2025年1月24日。", n.CancelReason));
        }

        await scene.ScanAsync(new DateOnly(2025, 1, 17));
        Assert.Equal(["DueSoon 5 head", "DueSoon 5 zhangsan"], (await scene.RemindersOnAsync(new DateOnly(2025, 1, 17))).Order());
        var inbox = await scene.Client("zhangsan").GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json);
        Assert.Equal(["【临期提醒】2024年三巡·第1项「整改时限调整」，还剩5个工作日"], inbox!.Items.Select(n => n.Title));
    }

    [Fact]
    public async Task An_item_completed_before_delivery_withdraws_its_reminders_with_the_reason()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var item = await scene.ItemDueAsync("会前完成整改", "2025-01-17");
        await scene.ScanOnlyAsync();
        await scene.SettleAsync(item, "completed");

        var delivery = await scene.SendAsync(new DeliverNotificationsCommand());

        Assert.Equal((0, 2), (delivery.Delivered, delivery.Cancelled));
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.All(
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Notifications.ToListAsync(),
            n => Assert.Equal("事项已完成。", n.CancelReason));
    }

    [Fact]
    public async Task The_inbox_counts_unread_messages_and_marks_them_read_for_their_owner_only()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        await scene.ItemDueAsync("第一项", "2025-01-20");
        await scene.ItemDueAsync("第二项", "2025-01-15");
        await scene.ScanAsync(new DateOnly(2025, 1, 16));

        var zhangsan = scene.Client("zhangsan");
        Assert.Equal(2, (await zhangsan.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);
        var first = (await zhangsan.GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications", LedgerApiFactory.Json))!.Items[0];

        await (await scene.Client("head").PostAsync($"/api/notifications/{first.Id}/read", null)).ProblemAsync(404);
        var left = await (await zhangsan.PostAsync($"/api/notifications/{first.Id}/read", null)).ReadAsync<UnreadCount>();
        Assert.Equal(1, left.Count);
        var unread = await zhangsan.GetFromJsonAsync<PagedResult<NotificationDto>>("/api/notifications?unreadOnly=true", LedgerApiFactory.Json);
        Assert.DoesNotContain(unread!.Items, n => n.Id == first.Id);

        await (await zhangsan.PostAsync("/api/notifications/read-all", null)).ReadAsync<UnreadCount>();
        Assert.Equal(0, (await zhangsan.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);
        Assert.Equal(1, (await scene.Client("head").GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);
    }

    [Fact]
    public async Task Two_job_servers_on_one_storage_scanning_at_once_remind_each_person_once()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        for (var i = 1; i <= 20; i++)
        {
            await scene.ItemDueAsync($"事项{i}", i % 2 == 0 ? "2025-01-10" : "2025-01-20");
        }

        await scene.AtAsync(new DateOnly(2025, 1, 16));
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        var options = new BackgroundJobServerOptions { WorkerCount = 2, SchedulePollingInterval = TimeSpan.FromMilliseconds(100) };
        var activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(_factory.Services.GetRequiredService<IServiceScopeFactory>());
        options.Activator = activator;
        using (var first = new BackgroundJobServer(options, storage))
        using (var second = new BackgroundJobServer(options, storage))
        {
            var client = new BackgroundJobClient(storage);
            var jobs = Enumerable.Range(0, 4).Select(_ => client.Enqueue<ReminderJobs>(j => j.ScanAsync(CancellationToken.None))).ToList();
            var monitor = storage.GetMonitoringApi();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (jobs.Any(id => monitor.JobDetails(id).History.FirstOrDefault()?.StateName is not ("Succeeded" or "Failed")) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.All(jobs, id =>
            {
                // The newest state first; a retried job's Failed state carries the exception that made it retry.
                var history = monitor.JobDetails(id).History;
                Assert.True(history[0].StateName == "Succeeded", string.Join("\n", history.Select(h => $"{h.StateName}: {h.Reason} {string.Join("; ", h.Data.Select(d => $"{d.Key}={d.Value}"))}")));
            });
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var reminders = await db.Reminders.ToListAsync();

        // Ten items 4 working days overdue (the person, the leader and the office) and ten due in 2 (the person and the head).
        Assert.Equal(30 + 20, reminders.Count);

        // What a person sees: one message per item and kind, each delivered, none beside the recorded reminders.
        var messages = await db.Notifications.ToListAsync();
        Assert.All(messages, m => Assert.NotNull(m.DeliveredAt));
        Assert.All(messages.GroupBy(m => (m.RecipientUserId, m.Kind, m.ItemId, m.Day)), g => Assert.Single(g));
        Assert.Equal(messages.Select(m => m.Id).Order(), reminders.Select(r => r.NotificationId).Distinct().Order());
    }

    [Fact]
    public async Task A_user_who_chose_email_gets_one_digest_a_day_and_a_failed_delivery_is_retried_and_sent_once()
    {
        await using var smtp = TestSmtpServer.Start();
        using var factory = new MailingFactory(smtp.Port);
        var scene = await ReminderScene.CreateAsync(factory);
        await scene.ItemDueAsync("学习制度不落实", "2025-01-20");
        await scene.ItemDueAsync("请示报告不及时", "2025-01-21");
        var settings = await (await scene.Client("zhangsan").PutJsonAsync("/api/me/notification-settings", new { email = "zhangsan@example.gov.cn", emailReminders = true }))
            .ReadAsync<NotificationSettingsDto>();
        Assert.True(settings.EmailAvailable);

        smtp.FailNext(1, SmtpFailure.RejectData);
        await scene.ScanAsync(new DateOnly(2025, 1, 16));

        var admin = factory.ClientFor(Roles.Admin, userName: "mail-admin");
        var failing = (await admin.GetFromJsonAsync<PagedResult<EmailDeliveryDto>>("/api/reminders/email", LedgerApiFactory.Json))!.Items.Single();
        Assert.Equal(("zhangsan@example.gov.cn", "发送失败，等待重试", 1, 1), (failing.Address, failing.StateText, failing.Attempts, failing.Messages));
        Assert.Contains("451", failing.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
        Assert.Equal(1, (await scene.Client("zhangsan").GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);

        // The back-off is a minute; the dispatcher runs every minute and again after the next scan.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await scene.JobsAsync(j => j.DispatchAsync(CancellationToken.None));
        await scene.JobsAsync(j => j.DispatchAsync(CancellationToken.None));
        await scene.JobsAsync(j => j.ScanAsync(CancellationToken.None));

        var mail = Assert.Single(smtp.Messages).Parse();
        Assert.Equal("zhangsan@example.gov.cn", mail.To.Mailboxes.Single().Address);
        Assert.Equal("【巡察整改台账】2025年1月16日提醒（1条）", mail.Subject);
        Assert.Contains("【临期提醒】2个事项临近整改时限", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2024年三巡·第1项「学习制度不落实」；整改时限：2025年1月20日（还剩2个工作日）", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2024年三巡·第1项「请示报告不及时」；整改时限：2025年1月21日（还剩3个工作日）", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://ledger.example.gov.cn/items/", mail.TextBody, StringComparison.Ordinal);
        var sent = (await admin.GetFromJsonAsync<PagedResult<EmailDeliveryDto>>("/api/reminders/email", LedgerApiFactory.Json))!.Items.Single();
        Assert.Equal(("已发送", 2), (sent.StateText, sent.Attempts));
    }

    [Fact]
    public async Task The_job_dashboard_is_for_the_administrator_and_the_office_only()
    {
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await _factory.Anonymous().GetAsync("/hangfire")).StatusCode);
        var department = Guid.NewGuid();
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await _factory.ClientFor(Roles.DepartmentHead, department).GetAsync("/hangfire")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await _factory.ClientFor(Roles.Supervisor).GetAsync("/hangfire")).StatusCode);
        var page = await _factory.ClientFor(Roles.Admin).GetAsync("/hangfire/recurring");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(ReminderJobs.ScanJobId, html, StringComparison.Ordinal);
        Assert.Contains(ReminderJobs.DispatchJobId, html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/hangfire")).StatusCode);
    }
}

/// <summary>The host with a mail server: the in-process test server on its port.</summary>
internal sealed class MailingFactory(int port) : LedgerApiFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Ledger:Smtp:Port", port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Ledger:Smtp:Security", "None");
        builder.UseSetting("Ledger:Smtp:FromAddress", "ledger@example.gov.cn");
        builder.UseSetting("Ledger:Smtp:TimeoutSeconds", "5");
        builder.UseSetting("Ledger:Reminders:PublicBaseUrl", "https://ledger.example.gov.cn");
    }
}
