using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Notifications;
using Ledger.Domain.Reminders;
using Ledger.Testing;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Every request reaches the one who must act, in the inbox at once and in the day's email digest: 销号申请 the office,
/// 审核通过 the leader, 延期申请 its approver, decisions and returns the lead department.
/// </summary>
public sealed class RequestNoticeApiTests : IDisposable
{
    private readonly LedgerApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_close_out_reaches_the_office_then_the_leader_and_the_decision_the_lead_department_at_once()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var office = new Ledgers(_factory.CreateClient());
        var item = await scene.ItemDueAsync("销号流程", "2025-03-31");
        item = await office.ActAsync(item, "start");
        item = await office.ActAsync(item, "completed");
        item = await (await Ledgers.UploadAsync(_factory.CreateClient(), item.Id, item.Version, "佐证.pdf", Ledgers.Pdf("佐证"))).ReadAsync<ItemState>();

        item = await new Ledgers(scene.HeadClient()).ActAsync(item, "close-out/request", new { summary = "制度已建立" });
        var request = Assert.Single(await ReminderScene.InboxAsync(scene.Office()));
        Assert.Equal((ReminderKind.Request, "【待办通知】2024年三巡·第1项「销号流程」申请销号，请审核"), (request.Kind, request.Title));
        Assert.Contains("整改情况：制度已建立", request.Body, StringComparison.Ordinal);
        Assert.Equal($"/items/{item.Id}", request.Link);
        Assert.Empty(await ReminderScene.InboxAsync(scene.Client("lisi")));

        item = await office.ActAsync(item, "close-out/review", new { pass = true });
        Assert.Equal(["【待办通知】2024年三巡·第1项「销号流程」的销号申请已经整改办审核通过，请审批"], (await ReminderScene.InboxAsync(scene.Client("lisi"))).Select(n => n.Title));
        Assert.Empty(await ReminderScene.InboxAsync(scene.Client("wangwu")));

        await new Ledgers(_factory.ClientFor(Roles.Leader, userName: "lisi")).ActAsync(item, "close-out/decision", new { approve = true });
        Assert.Equal(["【待办通知】2024年三巡·第1项「销号流程」已批准销号"], (await ReminderScene.InboxAsync(scene.Client("zhangsan"))).Select(n => n.Title));
        Assert.Contains(await ReminderScene.InboxAsync(scene.Client("head")), n => n.Title == "【待办通知】2024年三巡·第1项「销号流程」已批准销号");
        Assert.Equal(1, (await scene.Client("lisi").GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);
    }

    [Fact]
    public async Task An_extension_request_reaches_its_approver_and_a_return_the_lead_department_and_both_join_the_days_digest()
    {
        await using var smtp = TestSmtpServer.Start();
        using var factory = new MailingFactory(smtp.Port);
        var scene = await ReminderScene.CreateAsync(factory);
        await (await scene.Client("lisi").PutJsonAsync("/api/me/notification-settings", new { email = "lisi@example.gov.cn", emailReminders = true }))
            .ReadAsync<NotificationSettingsDto>();
        var item = await scene.ItemDueAsync("申请延期", "2025-03-31");

        item = await new Ledgers(scene.HeadClient()).ActAsync(item, "extension/request", new { newDueDate = "2025-04-30", reason = "需待上级批复" });
        var asked = Assert.Single(await ReminderScene.InboxAsync(scene.Client("lisi")));
        Assert.Equal("【待办通知】2024年三巡·第1项「申请延期」申请延期至2025年4月30日，请审批", asked.Title);
        Assert.Contains("理由：需待上级批复", asked.Body, StringComparison.Ordinal);

        await new Ledgers(factory.ClientFor(Roles.Leader, userName: "lisi")).ActAsync(item, "extension/decision", new { approve = false, reason = "时限不能再延" });
        var returned = Assert.Single(await ReminderScene.InboxAsync(scene.Client("head")));
        Assert.Equal("【待办通知】2024年三巡·第1项「申请延期」的延期申请被驳回", returned.Title);
        Assert.Contains("理由：时限不能再延", returned.Body, StringComparison.Ordinal);

        // The day's digest goes out once the day is scanned, holding the request with the day's reminders.
        await scene.JobsAsync(j => j.ScanAsync(CancellationToken.None));
        var mail = Assert.Single(smtp.Messages).Parse();
        Assert.Equal("lisi@example.gov.cn", mail.To.Mailboxes.Single().Address);
        Assert.Contains("【待办通知】2024年三巡·第1项「申请延期」申请延期至2025年4月30日，请审批", mail.TextBody, StringComparison.Ordinal);
    }
}
