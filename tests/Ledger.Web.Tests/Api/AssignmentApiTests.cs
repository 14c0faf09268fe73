using System.Net.Http.Json;
using Ledger.Application.Auditing;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Dashboard;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using Ledger.Domain.Items;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// 责任分工 of one item and of many: a moved deadline is explained and counted, and a batch is one request that changes
/// every item or none. The host's clock reads 2025年1月16日.
/// </summary>
public sealed class AssignmentApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _office = factory.CreateClient();

    [Fact]
    public async Task Moving_an_overdue_deadline_needs_a_reason_and_the_item_keeps_its_original_deadline()
    {
        var (round, department, item) = await AssignedItemAsync("时限调整须说明理由", "2025-01-06");

        var refused = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, leadDepartmentId = department, dueDate = "2025-02-28" }))
            .ProblemAsync(400);
        Assert.Equal("调整整改时限须填写理由（第1项原定2025年1月6日）。", refused.GetProperty("errors").GetProperty("reason")[0].GetString());

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        item = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, leadDepartmentId = department, dueDate = "2025-02-28", reason = "需待市院统一部署" }))
            .ReadAsync<ItemState>();

        var detail = await new Ledgers(_office).DetailAsync(item.Id);
        Assert.Equal((new DateOnly(2025, 2, 28), new DateOnly(2025, 1, 6), 1), (detail.Item.DueDate, detail.Item.OriginalDueDate, detail.Item.DeadlineAdjustments));
        Assert.Equal("（原定2025年1月6日，调整1次）", detail.Item.AdjustmentText);
        var moved = detail.History.Last(h => h.Change == ItemChange.DeadlineChanged);
        Assert.Equal(("调整整改时限（第1次）：2025年1月6日 → 2025年2月28日", "需待市院统一部署"), (moved.Summary, moved.Reason));
        var timeline = await _office.GetFromJsonAsync<List<TimelineEntryDto>>($"/api/items/{item.Id}/timeline", LedgerApiFactory.Json);
        Assert.Contains(timeline!, e => e.Lines.Contains(moved.Summary) && e.Reason == "需待市院统一部署");
        var audit = await Supervisor().GetFromJsonAsync<PagedResult<AuditRecordDto>>($"/api/audit?entityId={item.Id}&pageSize=50", LedgerApiFactory.Json);
        var record = audit!.Items.First(r => r.Action == "AssignItem" && r.Reason == "需待市院统一部署");
        Assert.Contains(
            new AuditValue("DueDate", "整改时限", "2025年1月6日", "2025年2月28日"),
            AuditChanges.Read(record.Changes).Single(c => c.Id == item.Id).Values);

        var dashboard = await _office.GetFromJsonAsync<DashboardDto>($"/api/dashboard?roundId={round.Id}", LedgerApiFactory.Json);
        Assert.Equal((0, 1), (dashboard!.Totals.Overdue, dashboard.MovedOutOfOverdue));
        var ledger = await _office.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={round.Id}&movedOutOfOverdue=true", LedgerApiFactory.Json);
        Assert.Equal([item.Id], ledger!.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task An_item_still_overdue_after_its_deadline_moved_is_listed_with_its_original_deadline()
    {
        var (round, department, item) = await AssignedItemAsync("调整后仍超期", "2025-01-06");
        await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, leadDepartmentId = department, dueDate = "2025-01-10", reason = "材料补充" }))
            .ReadAsync<ItemState>();

        var dashboard = await _office.GetFromJsonAsync<DashboardDto>($"/api/dashboard?roundId={round.Id}", LedgerApiFactory.Json);

        var row = Assert.Single(dashboard!.Overdue.Rows);
        Assert.Equal((new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 10)), (row.OriginalDueDate, row.DueDate));
        Assert.Equal(0, dashboard.MovedOutOfOverdue);
    }

    [Fact]
    public async Task Setting_the_first_deadline_needs_no_reason_and_is_no_adjustment()
    {
        var ledgers = new Ledgers(_office);
        var item = await ledgers.ItemAsync("首次设定时限");

        item = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, dueDate = "2025-03-31" })).ReadAsync<ItemState>();

        var detail = await ledgers.DetailAsync(item.Id);
        Assert.Equal((null, 0, null), (detail.Item.OriginalDueDate, detail.Item.DeadlineAdjustments, detail.Item.AdjustmentText));
    }

    [Fact]
    public async Task Five_items_are_assigned_in_one_request_each_with_its_own_history_and_audit_record()
    {
        var ledgers = new Ledgers(_office);
        var round = await ledgers.RoundAsync();
        var department = await ledgers.DepartmentAsync("批量分工牵头部门");
        var person = await ledgers.PersonAsync("批量责任人", department.Id);
        var leader = await ledgers.PersonAsync("批量责任领导", isLeader: true);
        var items = new List<ItemState>();
        for (var n = 1; n <= 5; n++)
        {
            items.Add(await ledgers.ItemAsync(round, $"批量分工事项{n}"));
        }

        var assigned = await (await _office.PostJsonAsync("/api/items/assignment", new
        {
            items = items.Select(i => new { id = i.Id, version = i.Version }),
            responsibleLeaderId = leader.Id,
            leadDepartmentId = department.Id,
            responsiblePersonId = person.Id,
            dueDate = "2025-03-31",
        })).ReadAsync<List<ItemState>>();

        Assert.Equal(items.Select(i => i.Id), assigned.Select(i => i.Id));
        var ledger = await _office.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={round.Id}", LedgerApiFactory.Json);
        Assert.All(ledger!.Items, i => Assert.Equal(
            ("批量分工牵头部门", "批量责任人", "批量责任领导", new DateOnly(2025, 3, 31), "未签收"),
            (i.LeadDepartmentName, i.ResponsiblePersonName, i.ResponsibleLeaderName, i.DueDate, i.AcknowledgementText)));
        foreach (var item in items)
        {
            var audit = await Supervisor().GetFromJsonAsync<PagedResult<AuditRecordDto>>($"/api/audit?entityId={item.Id}&pageSize=50", LedgerApiFactory.Json);
            var record = Assert.Single(audit!.Items, r => r.Action == "AssignItems");
            Assert.Equal(("批量分工", LedgerApiFactory.OfficeUser), (record.ActionText, record.Actor));
            Assert.Contains("ItemHistoryEntry", record.Changes.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(items.Where(i => i.Id != item.Id), other => record.Changes.GetRawText().Contains(other.Id.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_batch_with_an_item_changed_meanwhile_saves_nothing_and_names_that_item()
    {
        var ledgers = new Ledgers(_office);
        var round = await ledgers.RoundAsync();
        var department = await ledgers.DepartmentAsync("批量冲突部门");
        var first = await ledgers.ItemAsync(round, "未被改动的事项");
        var second = await ledgers.ItemAsync(round, "刚被他人修改的事项");
        var changed = await (await _office.PutJsonAsync($"/api/items/{second.Id}/assignment", new { version = second.Version, dueDate = "2025-02-01" }))
            .ReadAsync<ItemState>();

        var conflict = await (await _office.PostJsonAsync("/api/items/assignment", new
        {
            items = new[] { new { id = first.Id, version = first.Version }, new { id = second.Id, version = second.Version } },
            leadDepartmentId = department.Id,
        })).ProblemAsync(409);

        Assert.Equal("第2项“刚被他人修改的事项”已被他人修改，本次分工未保存任何事项；请刷新后重新选择。", conflict.GetProperty("detail").GetString());
        Assert.Equal([second.Id], conflict.GetProperty("changedIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Null((await ledgers.DetailAsync(first.Id)).Item.LeadDepartmentId);
        Assert.Equal(changed.Version, (await ledgers.DetailAsync(second.Id)).Item.Version);
    }

    [Fact]
    public async Task A_batch_moving_set_deadlines_asks_for_the_reason_naming_the_items_and_only_the_office_may_send_it()
    {
        var ledgers = new Ledgers(_office);
        var round = await ledgers.RoundAsync();
        var open = await ledgers.ItemAsync(round, "尚无时限");
        var dated = await ledgers.ItemAsync(round, "已有时限");
        dated = await (await _office.PutJsonAsync($"/api/items/{dated.Id}/assignment", new { version = dated.Version, dueDate = "2025-02-01" })).ReadAsync<ItemState>();
        var body = new { items = new[] { new { id = open.Id, version = open.Version }, new { id = dated.Id, version = dated.Version } }, dueDate = "2025-03-31" };

        var refused = await (await _office.PostJsonAsync("/api/items/assignment", body)).ProblemAsync(400);
        Assert.Equal("调整整改时限须填写理由（第2项原定2025年2月1日）。", refused.GetProperty("errors").GetProperty("reason")[0].GetString());
        var empty = await (await _office.PostJsonAsync("/api/items/assignment", new { items = body.items })).ProblemAsync(400);
        Assert.Equal("请至少指定责任领导、牵头部门、责任人或整改时限中的一项。", empty.GetProperty("errors").GetProperty("items")[0].GetString());
        await (await factory.ClientFor(Roles.DepartmentHead, Guid.NewGuid()).PostJsonAsync("/api/items/assignment", body)).ProblemAsync(403);

        var saved = await (await _office.PostJsonAsync("/api/items/assignment", new { body.items, body.dueDate, reason = "统一整改期限" })).ReadAsync<List<ItemState>>();
        Assert.Equal(2, saved.Count);
        var detail = await ledgers.DetailAsync(dated.Id);
        Assert.Equal((new DateOnly(2025, 2, 1), 1), (detail.Item.OriginalDueDate, detail.Item.DeadlineAdjustments));
        Assert.Equal(0, (await ledgers.DetailAsync(open.Id)).Item.DeadlineAdjustments);
    }

    [Fact]
    public async Task Acknowledging_may_start_the_work_in_the_same_step()
    {
        var (_, lead, item) = await AssignedItemAsync("签收即开始整改", "2025-03-31");
        var head = factory.ClientFor(Roles.DepartmentHead, lead, userName: "ack-start-head");

        var started = await new Ledgers(head).ActAsync(item, "acknowledge", new { start = true });

        var detail = await new Ledgers(head).DetailAsync(item.Id);
        Assert.Equal((ItemStatus.InProgress, "ack-start-head"), (started.Status, detail.AcknowledgedBy));
        // One step, one instant: the two lines share it.
        Assert.Equal(["未启动 → 整改中", "牵头部门签收"], detail.History.TakeLast(2).Select(h => h.Summary).Order(StringComparer.Ordinal));
    }

    private HttpClient Supervisor() => factory.ClientFor(Roles.Supervisor, userName: "supervisor-assignment");

    private async Task<(RoundDto Round, Guid Department, ItemState Item)> AssignedItemAsync(string title, string dueDate)
    {
        var ledgers = new Ledgers(_office);
        var round = await ledgers.RoundAsync();
        var department = await ledgers.DepartmentAsync($"部门-{title}");
        var item = await ledgers.ItemAsync(round, title);
        item = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, leadDepartmentId = department.Id, dueDate }))
            .ReadAsync<ItemState>();
        return (round, department.Id, item);
    }
}
