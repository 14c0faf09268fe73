using System.Net;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Settings;
using Ledger.Domain.Items;

namespace Ledger.Web.Tests.Api;

/// <summary>The 销号 workflow end to end, each step taken by the user whose job it is.</summary>
public sealed class WorkflowApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _office = factory.CreateClient();

    [Fact]
    public async Task An_item_goes_from_assignment_to_close_out_and_back_by_look_back_each_step_by_its_owner()
    {
        var w = await WorkflowAsync("制度执行不严格", dueDate: "2025-03-31");
        Assert.Equal("未签收", (await ListItemAsync(w.Item.Id, "&awaitingAcknowledgement=true"))!.AcknowledgementText);
        Assert.Contains(ItemAction.Acknowledge, (await new Ledgers(w.Head).DetailAsync(w.Item.Id)).AvailableActions);
        Assert.DoesNotContain(ItemAction.Acknowledge, (await new Ledgers(_office).DetailAsync(w.Item.Id)).AvailableActions);

        var head = new Ledgers(w.Head);
        var item = await head.ActAsync(w.Item, "acknowledge");
        Assert.Null(await ListItemAsync(w.Item.Id, "&awaitingAcknowledgement=true"));
        item = await head.ActAsync(item, "start");
        var measure = (await head.DetailAsync(item.Id)).Measures.Single();
        item = await (await w.Head.PostJsonAsync($"/api/items/{item.Id}/measures/{measure.Id}/complete", new { version = item.Version })).ReadAsync<ItemState>();
        item = await (await w.Staff.PostJsonAsync($"/api/items/{item.Id}/progress", new
        {
            progress = "修订了《请示报告制度》并组织全员学习",
            nextSteps = "每季度检查执行情况",
            problems = "个别部门学习不够深入",
        })).ReadAsync<ItemState>();
        item = await head.ActAsync(item, "completed");
        item = await (await Ledgers.UploadAsync(w.Staff, item.Id, item.Version, "请示报告制度.pdf", Ledgers.Pdf("制度"), measure.Id, "新制度全文")).ReadAsync<ItemState>();
        Assert.DoesNotContain(ItemAction.RequestCloseOut, (await new Ledgers(w.Staff).DetailAsync(item.Id)).AvailableActions);
        item = await head.ActAsync(item, "close-out/request", new { summary = "制度已修订并执行" });

        Assert.Equal([ItemAction.ReviewCloseOut, ItemAction.ReportProgress], (await new Ledgers(_office).DetailAsync(item.Id)).AvailableActions);
        Assert.DoesNotContain(ItemAction.DecideCloseOut, (await new Ledgers(w.Leader).DetailAsync(item.Id)).AvailableActions);
        await (await w.Leader.PostJsonAsync($"/api/items/{item.Id}/close-out/decision", new { version = item.Version, approve = true })).ProblemAsync(409);
        item = await new Ledgers(_office).ActAsync(item, "close-out/review", new { pass = true, reason = "材料齐全" });
        Assert.Contains(ItemAction.DecideCloseOut, (await new Ledgers(w.Leader).DetailAsync(item.Id)).AvailableActions);
        await (await w.OtherLeader.PostJsonAsync($"/api/items/{item.Id}/close-out/decision", new { version = item.Version, approve = true })).ProblemAsync(403);
        item = await new Ledgers(w.Leader).ActAsync(item, "close-out/decision", new { approve = true });

        var closed = await head.DetailAsync(item.Id);
        Assert.Equal((ItemStatus.ClosedOut, false), (closed.Item.Status, closed.Item.ClosedLate));
        Assert.Equal(LedgerApiFactory.Now.UtcDateTime, closed.ClosedOutAt);
        Assert.Equal(w.HeadName, closed.AcknowledgedBy);
        Assert.Equal(LedgerApiFactory.OfficeUser, closed.CloseOutReviewedBy);
        Assert.Contains(closed.History, h => h is { Change: ItemChange.StatusChanged, To: nameof(ItemStatus.ClosedOut) } && h.Actor == w.LeaderName);

        item = await new Ledgers(_office).ActAsync(item, "reopen", new { reason = "回头看发现制度执行反弹" });
        var reopened = await head.DetailAsync(item.Id);
        Assert.Equal(ItemStatus.InProgress, reopened.Item.Status);
        Assert.Null(reopened.ClosedOutAt);
        Assert.Equal(
            ["ClosedOut", "InProgress"],
            reopened.History.Where(h => h.Change == ItemChange.StatusChanged).TakeLast(2).Select(h => h.To));
        Assert.Equal("回头看发现制度执行反弹", reopened.History[^1].Reason);
    }

    [Fact]
    public async Task A_close_out_after_the_deadline_is_recorded_as_closed_late()
    {
        var w = await WorkflowAsync("超期才完成", dueDate: "2025-01-10");
        var item = await ReadyForDecisionAsync(w);

        await new Ledgers(w.Leader).ActAsync(item, "close-out/decision", new { approve = true });

        var listed = await ListItemAsync(item.Id, string.Empty);
        Assert.True(listed!.ClosedLate);
        Assert.Equal("逾期销号", listed.ClosedLateText);
        Assert.Equal("已销号", listed.StatusText);
    }

    [Fact]
    public async Task A_rejected_close_out_returns_to_in_progress_with_the_reason()
    {
        var w = await WorkflowAsync("驳回销号", dueDate: "2025-03-31");
        var item = await ReadyForDecisionAsync(w);

        await (await w.Leader.PostJsonAsync($"/api/items/{item.Id}/close-out/decision", new { version = item.Version, approve = false })).ProblemAsync(400);
        await new Ledgers(w.Leader).ActAsync(item, "close-out/decision", new { approve = false, reason = "整改成效不明显" });

        var detail = await new Ledgers(w.Head).DetailAsync(item.Id);
        Assert.Equal(ItemStatus.InProgress, detail.Item.Status);
        Assert.Equal("整改成效不明显", detail.History[^1].Reason);
    }

    [Fact]
    public async Task Two_approvals_at_once_one_wins_and_the_other_gets_409_with_the_current_version()
    {
        var w = await WorkflowAsync("并发审批", dueDate: "2025-03-31");
        var item = await ReadyForDecisionAsync(w);
        var second = factory.ClientFor(Roles.Leader, personId: w.LeaderId, userName: $"second-session-{w.LeaderId}");

        var responses = await Task.WhenAll(
            w.Leader.PostJsonAsync($"/api/items/{item.Id}/close-out/decision", new { version = item.Version, approve = true }),
            second.PostJsonAsync($"/api/items/{item.Id}/close-out/decision", new { version = item.Version, approve = true }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var current = await new Ledgers(_office).DetailAsync(item.Id);
        var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ProblemAsync(409);
        Assert.Equal(current.Item.Version, conflict.GetProperty("currentVersion").GetGuid());
        Assert.Single(current.History, h => h.To == nameof(ItemStatus.ClosedOut));
    }

    [Fact]
    public async Task Extensions_move_the_deadline_keep_the_old_one_and_stop_at_the_offices_maximum()
    {
        var settings = await (await _office.GetAsync("/api/settings/workflow")).ReadAsync<WorkflowSettingsDto>();
        await (await _office.PutJsonAsync("/api/settings/workflow", new { version = settings.Version, allLeadersApprove = settings.AllLeadersApprove, maxExtensions = 1 }))
            .ReadAsync<WorkflowSettingsDto>();
        try
        {
            var w = await WorkflowAsync("需要延期", dueDate: "2025-03-31");
            var head = new Ledgers(w.Head);
            await (await w.Head.PostJsonAsync($"/api/items/{w.Item.Id}/extension/request", new { version = w.Item.Version, newDueDate = "2025-03-01", reason = "提前" }))
                .ProblemAsync(409);
            var item = await head.ActAsync(w.Item, "extension/request", new { newDueDate = "2025-04-30", reason = "需市院批复后实施" });
            await (await w.Staff.PostJsonAsync($"/api/items/{item.Id}/extension/request", new { version = item.Version, newDueDate = "2025-05-30", reason = "x" })).ProblemAsync(403);
            await (await w.OtherLeader.PostJsonAsync($"/api/items/{item.Id}/extension/decision", new { version = item.Version, approve = true })).ProblemAsync(403);
            Assert.Contains(ItemAction.DecideExtension, (await new Ledgers(w.Leader).DetailAsync(item.Id)).AvailableActions);
            item = await new Ledgers(w.Leader).ActAsync(item, "extension/decision", new { approve = true, reason = "同意" });

            var detail = await head.DetailAsync(item.Id);
            Assert.Equal((new DateOnly(2025, 4, 30), 1), (detail.Item.DueDate, detail.Item.ExtensionsApproved));
            var extension = Assert.Single(detail.Extensions);
            Assert.Equal((new DateOnly(2025, 3, 31), ExtensionDecision.Approved, w.LeaderName), (extension.PreviousDate, extension.Decision, extension.DecidedBy));
            Assert.Contains(detail.History, h => h is { Change: ItemChange.DeadlineChanged, From: "2025年3月31日", To: "2025年4月30日" });
            Assert.DoesNotContain(ItemAction.RequestExtension, detail.AvailableActions);

            var refused = await (await w.Head.PostJsonAsync($"/api/items/{item.Id}/extension/request", new { version = item.Version, newDueDate = "2025-05-30", reason = "再延" }))
                .ProblemAsync(409);
            Assert.Equal("ExtensionsAreLimited", refused.GetProperty("code").GetString());
        }
        finally
        {
            var now = await (await _office.GetAsync("/api/settings/workflow")).ReadAsync<WorkflowSettingsDto>();
            await (await _office.PutJsonAsync("/api/settings/workflow", new { version = now.Version, allLeadersApprove = false, maxExtensions = 2 })).ReadAsync<WorkflowSettingsDto>();
        }
    }

    [Fact]
    public async Task The_office_may_let_all_leaders_approve_and_only_the_office_changes_settings()
    {
        await (await factory.ClientFor(Roles.Leader).PutJsonAsync("/api/settings/workflow", new { allLeadersApprove = true, maxExtensions = 2 })).ProblemAsync(403);
        await (await _office.PutJsonAsync("/api/settings/workflow", new { allLeadersApprove = true, maxExtensions = 11 })).ProblemAsync(400);
        var w = await WorkflowAsync("所有领导审批", dueDate: "2025-03-31");
        var item = await ReadyForDecisionAsync(w);
        await (await w.OtherLeader.PostJsonAsync($"/api/items/{item.Id}/close-out/decision", new { version = item.Version, approve = true })).ProblemAsync(403);

        var settings = await (await _office.GetAsync("/api/settings/workflow")).ReadAsync<WorkflowSettingsDto>();
        var saved = await (await _office.PutJsonAsync("/api/settings/workflow", new { version = settings.Version, allLeadersApprove = true, maxExtensions = 2 }))
            .ReadAsync<WorkflowSettingsDto>();
        try
        {
            await (await _office.PutJsonAsync("/api/settings/workflow", new { version = settings.Version, allLeadersApprove = false, maxExtensions = 3 }))
                .ProblemAsync(409);
            Assert.Contains(ItemAction.DecideCloseOut, (await new Ledgers(w.OtherLeader).DetailAsync(item.Id)).AvailableActions);
            await new Ledgers(w.OtherLeader).ActAsync(item, "close-out/decision", new { approve = true });
        }
        finally
        {
            await (await _office.PutJsonAsync("/api/settings/workflow", new { version = saved.Version, allLeadersApprove = false, maxExtensions = 2 })).ReadAsync<WorkflowSettingsDto>();
        }
    }

    [Fact]
    public async Task The_office_evidence_checklist_holds_back_a_close_out_until_each_marked_measure_has_evidence()
    {
        var w = await WorkflowAsync("措施佐证清单", dueDate: "2025-03-31");
        var measure = (await new Ledgers(_office).DetailAsync(w.Item.Id)).Measures.Single();
        await (await w.Head.PutJsonAsync($"/api/items/{w.Item.Id}/measures/{measure.Id}/evidence-required", new { version = w.Item.Version, required = true })).ProblemAsync(403);
        var item = await (await _office.PutJsonAsync($"/api/items/{w.Item.Id}/measures/{measure.Id}/evidence-required", new { version = w.Item.Version, required = true }))
            .ReadAsync<ItemState>();
        var head = new Ledgers(w.Head);
        item = await head.ActAsync(item, "start");
        item = await (await w.Head.PostJsonAsync($"/api/items/{item.Id}/measures/{measure.Id}/complete", new { version = item.Version })).ReadAsync<ItemState>();
        item = await head.ActAsync(item, "completed");
        item = await (await Ledgers.UploadAsync(w.Head, item.Id, item.Version, "总体情况.pdf", Ledgers.Pdf("总体"))).ReadAsync<ItemState>();

        var refused = await (await w.Head.PostJsonAsync($"/api/items/{item.Id}/close-out/request", new { version = item.Version, summary = "已完成" })).ProblemAsync(409);
        Assert.Equal("CloseOutNeedsMeasureEvidence", refused.GetProperty("code").GetString());

        item = await (await Ledgers.UploadAsync(w.Head, item.Id, item.Version, "措施一.pdf", Ledgers.Pdf("措施一"), measure.Id)).ReadAsync<ItemState>();
        item = await head.ActAsync(item, "close-out/request", new { summary = "已完成" });
        Assert.Equal(ItemStatus.CloseOutRequested, item.Status);
        Assert.True((await head.DetailAsync(item.Id)).Measures.Single().EvidenceRequired);
    }

    private async Task<ItemState> ReadyForDecisionAsync(Workflow w)
    {
        var head = new Ledgers(w.Head);
        var item = await head.ActAsync(w.Item, "start");
        var measure = (await head.DetailAsync(item.Id)).Measures.Single();
        item = await (await w.Head.PostJsonAsync($"/api/items/{item.Id}/measures/{measure.Id}/complete", new { version = item.Version })).ReadAsync<ItemState>();
        item = await head.ActAsync(item, "completed");
        item = await (await Ledgers.UploadAsync(w.Head, item.Id, item.Version, "纪要.pdf", Ledgers.Pdf(w.Item.Id.ToString()))).ReadAsync<ItemState>();
        item = await head.ActAsync(item, "close-out/request", new { summary = "已完成整改" });
        return await new Ledgers(_office).ActAsync(item, "close-out/review", new { pass = true });
    }

    private async Task<Workflow> WorkflowAsync(string title, string dueDate)
    {
        var ledgers = new Ledgers(_office);
        var lead = await ledgers.DepartmentAsync($"部门-{title}");
        var leader = await ledgers.PersonAsync($"责任领导-{title}", isLeader: true);
        var otherLeader = await ledgers.PersonAsync($"其他领导-{title}", isLeader: true);
        var item = await ledgers.ItemAsync(await ledgers.RoundAsync(), title);
        item = await (await _office.PostJsonAsync($"/api/items/{item.Id}/measures", new { version = item.Version, text = "修订制度" })).ReadAsync<ItemState>();
        item = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            leadDepartmentId = lead.Id,
            responsibleLeaderId = leader.Id,
            dueDate,
        })).ReadAsync<ItemState>();
        var headName = $"head-{lead.Id}";
        var leaderName = $"leader-{leader.Id}";
        return new Workflow(
            item,
            factory.ClientFor(Roles.DepartmentHead, lead.Id, userName: headName),
            headName,
            factory.ClientFor(Roles.DepartmentStaff, lead.Id),
            factory.ClientFor(Roles.Leader, personId: leader.Id, userName: leaderName),
            leaderName,
            leader.Id,
            factory.ClientFor(Roles.Leader, personId: otherLeader.Id));
    }

    private async Task<ItemListDto?> ListItemAsync(Guid id, string filter)
    {
        var round = (await new Ledgers(_office).DetailAsync(id)).Item.RoundId;
        var page = await (await _office.GetAsync($"/api/items?roundId={round}{filter}")).ReadAsync<PagedResult<ItemListDto>>();
        return page.Items.SingleOrDefault(i => i.Id == id);
    }

    private sealed record Workflow(
        ItemState Item, HttpClient Head, string HeadName, HttpClient Staff, HttpClient Leader, string LeaderName, Guid LeaderId, HttpClient OtherLeader);
}
