using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Notifications;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;

namespace Ledger.Web.Tests.Api;

/// <summary>催办 by the office or the responsible leader, and 领导批示 read by the lead department, through the host.</summary>
public sealed class HandChaseApiTests : IDisposable
{
    private readonly LedgerApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_office_and_the_responsible_leader_chase_an_open_item_in_their_own_words_and_each_chase_counts()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var item = await scene.ItemDueAsync("制度建设滞后", "2025-03-31");

        item = await (await _factory.CreateClient().PostJsonAsync($"/api/items/{item.Id}/chase", new { version = item.Version, message = "请本周内报送佐证材料" }))
            .ReadAsync<ItemState>();

        foreach (var user in new[] { "zhangsan", "head" })
        {
            var chase = Assert.Single(await ReminderScene.InboxAsync(scene.Client(user)));
            Assert.Equal((ReminderKind.ManualChase, "【催办】2024年三巡·第1项「制度建设滞后」，请抓紧整改"), (chase.Kind, chase.Title));
            Assert.Contains($"{LedgerApiFactory.OfficeUser}催办：请本周内报送佐证材料", chase.Body, StringComparison.Ordinal);

            // The inbox links the item by its tag and title; the path the email needs is not printed.
            Assert.Equal(("2024年三巡·第1项", "制度建设滞后", $"/items/{item.Id}"), (chase.ItemTag, chase.ItemTitle, chase.Link));
            Assert.DoesNotContain("/items/", chase.Body, StringComparison.Ordinal);
        }

        var lisi = _factory.ClientFor(Roles.Leader, personId: await PersonIdAsync("lisi"), userName: "lisi");
        item = await (await lisi.PostJsonAsync($"/api/items/{item.Id}/chase", new { version = item.Version, message = "抓紧落实" })).ReadAsync<ItemState>();
        Assert.Equal(2, await RemindersSentAsync(item.Id));
        var detail = await new Ledgers(_factory.CreateClient()).DetailAsync(item.Id);
        Assert.Equal(["请本周内报送佐证材料", "抓紧落实"], detail.History.Where(h => h.Change == ItemChange.Chased).Select(h => h.Reason));

        // Another leader, a department and an empty message are refused; a settled item is not chased.
        var wangwu = _factory.ClientFor(Roles.Leader, personId: await PersonIdAsync("wangwu"), userName: "wangwu");
        await (await wangwu.PostJsonAsync($"/api/items/{item.Id}/chase", new { version = item.Version, message = "催" })).ProblemAsync(403);
        await (await scene.HeadClient().PostJsonAsync($"/api/items/{item.Id}/chase", new { version = item.Version, message = "催" })).ProblemAsync(403);
        var empty = await (await _factory.CreateClient().PostJsonAsync($"/api/items/{item.Id}/chase", new { version = item.Version, message = " " })).ProblemAsync(400);
        Assert.True(empty.GetProperty("errors").TryGetProperty("message", out _));
        item = await new Ledgers(_factory.CreateClient()).ActAsync(item, "start");
        item = await new Ledgers(_factory.CreateClient()).ActAsync(item, "completed");
        await (await _factory.CreateClient().PostJsonAsync($"/api/items/{item.Id}/chase", new { version = item.Version, message = "催" })).ProblemAsync(409);
    }

    [Fact]
    public async Task A_chase_no_one_would_receive_is_refused_with_why()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var ledgers = new Ledgers(_factory.CreateClient());
        var nowhere = await ledgers.DepartmentAsync("技术信息室");
        var item = await scene.UnacknowledgedItemDueAsync("无人接收", "2025-03-31");
        item = await scene.AssignAsync(item, "2025-03-31", leadDepartment: nowhere.Id, responsiblePerson: (await ledgers.PersonAsync("钱七", nowhere.Id)).Id);

        var refused = await (await _factory.CreateClient().PostJsonAsync($"/api/items/{item.Id}/chase", new { version = item.Version, message = "请尽快整改" }))
            .ProblemAsync(409);

        Assert.Contains("催办无人接收", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await ledgers.DetailAsync(item.Id)).History, h => h.Change == ItemChange.Chased);
    }

    [Fact]
    public async Task A_leaders_instruction_tops_the_item_waits_in_the_departments_work_until_read_and_stays_in_the_history()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var item = await scene.ItemDueAsync("整改措施不具体", "2025-03-31");
        var wangwu = _factory.ClientFor(Roles.Leader, personId: await PersonIdAsync("wangwu"), userName: "wangwu");

        item = await (await wangwu.PostJsonAsync($"/api/items/{item.Id}/instructions", new { version = item.Version, text = "请细化措施，月底前见成效" }))
            .ReadAsync<ItemState>();

        var head = scene.HeadClient();
        var detail = await new Ledgers(head).DetailAsync(item.Id);
        var instruction = Assert.Single(detail.Instructions);
        Assert.Equal(("请细化措施，月底前见成效", (DateTime?)null), (instruction.Text, instruction.ReadAt));
        Assert.Contains(ItemAction.ReadInstructions, detail.AvailableActions);
        var notice = Assert.Single(await ReminderScene.InboxAsync(scene.Client("zhangsan")));
        Assert.Equal("【领导批示】2024年三巡·第1项「整改措施不具体」有新的领导批示，请阅办", notice.Title);
        Assert.Contains("批示：请细化措施，月底前见成效", notice.Body, StringComparison.Ordinal);
        var work = (await head.GetFromJsonAsync<MyWorkDto>("/api/my-work", LedgerApiFactory.Json))!;
        Assert.Equal([item.Id], work.Groups.Single(g => g.Kind == MyWorkKind.Instructions).Items.Select(i => i.Id));

        await (await _factory.CreateClient().PostJsonAsync($"/api/items/{item.Id}/instructions", new { version = item.Version, text = "办公室批示" })).ProblemAsync(403);
        item = await new Ledgers(head).ActAsync(item, "instructions/read");

        work = (await head.GetFromJsonAsync<MyWorkDto>("/api/my-work", LedgerApiFactory.Json))!;
        Assert.Equal(0, work.Groups.Single(g => g.Kind == MyWorkKind.Instructions).TotalCount);
        detail = await new Ledgers(head).DetailAsync(item.Id);
        Assert.NotNull(detail.Instructions.Single().ReadAt);
        Assert.DoesNotContain(ItemAction.ReadInstructions, detail.AvailableActions);
        Assert.Equal([ItemChange.Instructed, ItemChange.InstructionsRead], detail.History.Select(h => h.Change).Where(c => c >= ItemChange.Instructed));
        await (await head.PostJsonAsync($"/api/items/{item.Id}/instructions/read", new { version = item.Version })).ProblemAsync(409);
    }

    [Fact]
    public async Task The_office_issues_a_numbered_supervision_notice_for_an_item_as_an_official_docx_recorded_on_the_item()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var item = await scene.ItemDueAsync("台账管理混乱", "2025-01-10");

        item = await (await _factory.CreateClient().PostJsonAsync(
            $"/api/items/{item.Id}/supervise", new { version = item.Version, replyBy = "2025-01-23", requirement = "说明未按期完成的原因" })).ReadAsync<ItemState>();

        var detail = await new Ledgers(_factory.CreateClient()).DetailAsync(item.Id);
        var notice = Assert.Single(detail.SupervisionNotices);
        Assert.Equal(("督〔2025〕1号", new DateOnly(2025, 1, 23)), (notice.NumberText, notice.ReplyBy));
        Assert.Equal("督办通知督〔2025〕1号", detail.History.Single(h => h.Change == ItemChange.Supervised).Summary);
        Assert.Equal(1, await RemindersSentAsync(item.Id));
        var told = Assert.Single(await ReminderScene.InboxAsync(scene.Client("zhangsan")));
        Assert.Equal("【督办通知】督〔2025〕1号：2024年三巡·第1项「台账管理混乱」，请于2025年1月23日前书面报送整改落实情况", told.Title);

        var docx = await scene.HeadClient().GetAsync(notice.Docx);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            [
                "巡察整改督办通知",
                "督〔2025〕1号",
                "第一检察部：",
                "截至2025年1月16日，你部门牵头的以下巡察整改事项尚未按期完成整改，现予督办。请于2025年1月23日前将整改落实情况书面报送整改办。",
                "1. 2024年三巡·第1项「台账管理混乱」，整改时限2025年1月10日，已超期4个工作日。",
                "督办要求：说明未按期完成的原因",
                "巡察整改工作领导小组办公室",
                "2025年1月16日",
            ],
            ReportRequests.Paragraphs(await docx.Content.ReadAsByteArrayAsync()));

        var elsewhere = await new Ledgers(_factory.CreateClient()).DepartmentAsync("政治部");
        await (await _factory.ClientFor(Roles.DepartmentHead, elsewhere.Id).GetAsync(notice.Docx)).ProblemAsync(404);
        await (await _factory.CreateClient().PostJsonAsync($"/api/items/{item.Id}/supervise", new { version = item.Version, replyBy = "2025-01-16" })).ProblemAsync(400);
    }

    [Fact]
    public async Task A_departments_overdue_items_share_one_notice_most_overdue_first_and_a_department_without_any_is_refused()
    {
        var scene = await ReminderScene.CreateAsync(_factory);
        var later = await scene.ItemDueAsync("超期两天", "2025-01-14");
        var earlier = await scene.ItemDueAsync("超期五天", "2025-01-09");
        await scene.ItemDueAsync("尚未到期", "2025-03-31");

        var notice = await (await _factory.CreateClient().PostJsonAsync(
            "/api/supervision-notices", new { departmentId = scene.Department, replyBy = "2025-01-23" })).ReadAsync<Application.Reminders.SupervisionNoticeDto>();

        Assert.Equal(("督〔2025〕1号", 2), (notice.NumberText, notice.Items));
        var paragraphs = ReportRequests.Paragraphs(await (await _factory.CreateClient().GetAsync(notice.Docx)).Content.ReadAsByteArrayAsync());
        Assert.Equal(
            ["1. 2024年三巡·第1项「超期五天」，整改时限2025年1月9日，已超期5个工作日。", "2. 2024年三巡·第1项「超期两天」，整改时限2025年1月14日，已超期2个工作日。"],
            paragraphs.Where(p => p.StartsWith("1. ", StringComparison.Ordinal) || p.StartsWith("2. ", StringComparison.Ordinal)));
        Assert.Equal(1, await RemindersSentAsync(earlier.Id));
        Assert.Equal(1, await RemindersSentAsync(later.Id));
        var told = Assert.Single(await ReminderScene.InboxAsync(scene.Client("head")));
        Assert.Equal("【督办通知】督〔2025〕1号：2个事项，请于2025年1月23日前书面报送整改落实情况", told.Title);

        var quiet = await new Ledgers(_factory.CreateClient()).DepartmentAsync("政治部");
        await (await _factory.CreateClient().PostJsonAsync("/api/supervision-notices", new { departmentId = quiet.Id, replyBy = "2025-01-23" })).ProblemAsync(409);
    }

    private async Task<Guid> PersonIdAsync(string userName)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(_factory.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.LedgerUser>>(scope.ServiceProvider);
        return (await users.FindByNameAsync(userName))!.PersonId!.Value;
    }

    private async Task<int> RemindersSentAsync(Guid itemId) =>
        (await _factory.CreateClient().GetFromJsonAsync<PagedResult<ItemListDto>>("/api/items?pageSize=10", LedgerApiFactory.Json))!
        .Items.Single(i => i.Id == itemId).RemindersSent;
}
