using System.Net;
using System.Net.Http.Json;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Web.Tests.Api;

public sealed class ItemsApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly Ledgers _ledgers = new(factory.CreateClient());

    [Fact]
    public async Task Round_is_created_with_its_aspects_in_order_and_can_be_extended()
    {
        var round = await _ledgers.RoundAsync("政治建设方面", "作风建设方面");
        Assert.Equal(["政治建设方面", "作风建设方面"], round.Aspects.Select(a => a.Title));

        var added = await (await _client.PostJsonAsync($"/api/rounds/{round.Id}/aspects", new { version = round.Version, title = "队伍建设方面", position = 2 })).ReadAsync<AspectSaved>();
        await (await _client.PutJsonAsync($"/api/rounds/{round.Id}/aspects/{added.AspectId}", new { version = added.RoundVersion, title = "队伍建设和干部管理方面" })).ReadAsync<AspectSaved>();

        var reread = await _client.GetFromJsonAsync<RoundDto>($"/api/rounds/{round.Id}", LedgerApiFactory.Json);
        Assert.Equal(["政治建设方面", "队伍建设和干部管理方面", "作风建设方面"], reread!.Aspects.Select(a => a.Title));
        Assert.Equal([1, 2, 3], reread.Aspects.Select(a => a.Order));
        var rounds = await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json);
        Assert.Contains(rounds!, r => r.Id == round.Id && r.InspectingTeam == "市委第三巡察组");
    }

    [Fact]
    public async Task Round_validation_names_the_fields_in_Chinese()
    {
        var problem = await (await _client.PostJsonAsync("/api/rounds", new
        {
            inspectingTeam = "",
            inspectedUnit = "某院",
            inspectionStart = "2024-05-31",
            inspectionEnd = "2024-04-10",
        })).ProblemAsync(400);

        var errors = problem.GetProperty("errors");
        Assert.Equal("请填写“巡察组”。", errors.GetProperty("inspectingTeam")[0].GetString());
        Assert.Equal("进驻结束日期不能早于开始日期。", errors.GetProperty("inspectionEnd")[0].GetString());
    }

    [Fact]
    public async Task Round_updates_are_404_when_missing_and_409_when_stale()
    {
        var round = await _ledgers.RoundAsync();
        object Body(Guid version) => new { version, inspectingTeam = "市委第一巡察组", inspectedUnit = "某院党组" };

        await (await _client.PutJsonAsync($"/api/rounds/{Guid.NewGuid()}", Body(round.Version))).ProblemAsync(404);
        await (await _client.GetAsync($"/api/rounds/{Guid.NewGuid()}")).ProblemAsync(404);
        await (await _client.PutJsonAsync($"/api/rounds/{round.Id}", Body(round.Version))).ReadAsync<object>();
        await (await _client.PutJsonAsync($"/api/rounds/{round.Id}", Body(round.Version))).ProblemAsync(409);
    }

    [Fact]
    public async Task Items_are_numbered_within_their_round_and_refused_outside_it()
    {
        var round = await _ledgers.RoundAsync("政治建设方面", "作风建设方面");
        var first = await _ledgers.ItemAsync(round, "问题一");
        var second = await _ledgers.ItemAsync(round, "问题二", aspect: 1);
        Assert.Equal(1, (await _ledgers.DetailAsync(first.Id)).Item.Number);
        Assert.Equal(2, (await _ledgers.DetailAsync(second.Id)).Item.Number);

        var duplicate = await (await _client.PostJsonAsync($"/api/rounds/{round.Id}/items", new { aspectId = round.Aspects[0].Id, title = "重复", number = 2 })).ProblemAsync(400);
        Assert.Equal("该轮次已有序号为2的事项。", duplicate.GetProperty("errors").GetProperty("number")[0].GetString());
        var otherRound = await _ledgers.RoundAsync();
        var foreignAspect = await (await _client.PostJsonAsync($"/api/rounds/{round.Id}/items", new { aspectId = otherRound.Aspects[0].Id, title = "x" })).ProblemAsync(400);
        Assert.True(foreignAspect.GetProperty("errors").TryGetProperty("aspectId", out _));
        await (await _client.PostJsonAsync($"/api/rounds/{Guid.NewGuid()}/items", new { aspectId = round.Aspects[0].Id, title = "x" })).ProblemAsync(404);
        await (await _client.GetAsync($"/api/items/{Guid.NewGuid()}")).ProblemAsync(404);
    }

    [Fact]
    public async Task Item_is_assigned_with_a_deadline_then_made_long_term_and_the_history_keeps_both()
    {
        var item = await _ledgers.ItemAsync();
        var leader = await _ledgers.PersonAsync("张检察长", isLeader: true);
        var office = await _ledgers.DepartmentAsync("办公室");
        var politics = await _ledgers.DepartmentAsync("政治部");
        var person = await _ledgers.PersonAsync("刘科长", office.Id);

        item = await (await _client.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            responsibleLeaderId = leader.Id,
            leadDepartmentId = office.Id,
            coDepartmentIds = new[] { politics.Id },
            responsiblePersonId = person.Id,
            dueDate = "2025-03-31",
        })).ReadAsync<ItemState>();
        await (await _client.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            responsibleLeaderId = leader.Id,
            leadDepartmentId = office.Id,
            coDepartmentIds = new[] { politics.Id },
            responsiblePersonId = person.Id,
            isLongTerm = true,
            reason = "制度建设需长期坚持",
        })).ReadAsync<ItemState>();

        var detail = await _ledgers.DetailAsync(item.Id);
        Assert.Equal(("办公室", "张检察长", "刘科长"), (detail.Item.LeadDepartmentName, detail.Item.ResponsibleLeaderName, detail.Item.ResponsiblePersonName));
        Assert.Equal(["政治部"], detail.CoDepartments.Select(d => d.Name));
        Assert.True(detail.Item.IsLongTerm);
        Assert.Null(detail.Item.DueDate);
        var deadlineChanges = detail.History.Where(h => h.Change == ItemChange.DeadlineChanged).ToList();
        Assert.Equal(("2025年3月31日", "长期坚持"), (deadlineChanges[^1].From, deadlineChanges[^1].To));
    }

    [Fact]
    public async Task Assignment_refuses_unknown_people_non_leaders_and_a_lead_department_that_is_also_co_as_field_errors()
    {
        var item = await _ledgers.ItemAsync();
        var office = await _ledgers.DepartmentAsync("综合业务部");
        var clerk = await _ledgers.PersonAsync("钱八", office.Id);

        var notLeader = await (await _client.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, responsibleLeaderId = clerk.Id })).ProblemAsync(400);
        Assert.Equal("钱八不是班子成员，不能担任责任领导。", notLeader.GetProperty("errors").GetProperty("responsibleLeaderId")[0].GetString());
        var unknown = await (await _client.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, leadDepartmentId = Guid.NewGuid() })).ProblemAsync(400);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("leadDepartmentId", out _));
        var both = await (await _client.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            leadDepartmentId = office.Id,
            coDepartmentIds = new[] { office.Id },
        })).ProblemAsync(400);
        Assert.Equal("牵头部门不能同时作为配合部门。", both.GetProperty("errors").GetProperty("coDepartmentIds")[0].GetString());

        Assert.Null((await _ledgers.DetailAsync(item.Id)).Item.LeadDepartmentId);
    }

    [Fact]
    public async Task Measures_and_progress_carry_the_item_to_completed()
    {
        var item = await _ledgers.ItemAsync();
        var office = await _ledgers.DepartmentAsync("检察事务部");
        item = await _ledgers.ActAsync(item, "start");
        item = await _ledgers.ActAsync(item, "measures", new { text = "一是修订学习制度", leadDepartmentId = office.Id, dueDate = "2025-02-28" });
        item = await _ledgers.ActAsync(item, "measures", new { text = "二是开展专题学习" });
        var open = await _ledgers.DetailAsync(item.Id);
        var measures = open.Measures;

        // 已完成 is not offered while measures are open, by the rule that refuses it.
        Assert.DoesNotContain(ItemAction.MarkCompleted, open.AvailableActions);
        Assert.Contains(ItemAction.MarkPartiallyDone, open.AvailableActions);
        var early = await (await _client.PostJsonAsync($"/api/items/{item.Id}/completed", new { version = item.Version })).ProblemAsync(409);
        Assert.Equal("CompletionNeedsAllMeasuresDone", early.GetProperty("code").GetString());

        foreach (var measure in measures)
        {
            item = await _ledgers.ActAsync(item, $"measures/{measure.Id}/complete", new { completedOn = "2025-01-15" });
        }

        var future = await (await _client.PostJsonAsync($"/api/items/{item.Id}/measures/{measures[0].Id}/complete", new { version = item.Version, completedOn = "2025-01-17" })).ProblemAsync(400);
        Assert.Equal("完成日期不能晚于今天。", future.GetProperty("errors").GetProperty("completedOn")[0].GetString());
        await (await _client.PostJsonAsync($"/api/items/{item.Id}/measures/{Guid.NewGuid()}/complete", new { version = item.Version })).ProblemAsync(404);

        await (await _client.PostJsonAsync($"/api/items/{item.Id}/progress", new { progress = "已修订制度并组织学习2次", nextSteps = "持续跟进", problems = "无" })).ReadAsync<ItemState>();
        var done = await _ledgers.DetailAsync(item.Id);
        Assert.Contains(ItemAction.MarkCompleted, done.AvailableActions);
        item = done.Item is var row ? new ItemState(row.Id, row.Version, row.Status, row.StatusText) : item;
        item = await _ledgers.ActAsync(item, "completed");

        var detail = await _ledgers.DetailAsync(item.Id);
        Assert.Equal(ItemStatus.Completed, detail.Item.Status);
        Assert.Equal("已完成", detail.Item.StatusText);
        Assert.Equal((2, 2), (detail.Item.MeasureCount, detail.Item.MeasuresDone));
        Assert.Equal("检察事务部", detail.Measures[0].LeadDepartmentName);
        var report = Assert.Single(detail.ProgressReports);
        Assert.Equal((new DateOnly(2025, 1, 16), "已修订制度并组织学习2次", LedgerApiFactory.OfficeUser), (report.ReportDate, report.Progress, report.ReportedBy));
        Assert.Contains(ItemAction.RequestCloseOut, detail.AvailableActions);
        Assert.DoesNotContain(ItemAction.Start, detail.AvailableActions);
    }

    [Fact]
    public async Task Forbidden_transitions_are_409_in_Chinese_and_change_nothing()
    {
        var responsible = await _ledgers.PersonAsync("王副检察长", isLeader: true);
        var item = await _ledgers.ItemAsync();
        item = await (await _client.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, responsibleLeaderId = responsible.Id })).ReadAsync<ItemState>();

        var leader = factory.ClientFor(Roles.Leader, personId: responsible.Id);
        foreach (var action in new[] { "completed", "close-out/request", "reopen", "resume", "close-out/review", "close-out/decision" })
        {
            var client = action == "close-out/decision" ? leader : _client;
            var problem = await (await client.PostJsonAsync($"/api/items/{item.Id}/{action}", new
            {
                version = item.Version,
                reason = "理由",
                summary = "完成情况",
                pass = true,
                approve = true,
            })).ProblemAsync(409);
            Assert.Equal("ActionMustBeAllowed", problem.GetProperty("code").GetString());
            Assert.Contains("事项当前状态为“未启动”", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var detail = await _ledgers.DetailAsync(item.Id);
        Assert.Equal(ItemStatus.NotStarted, detail.Item.Status);
        Assert.Equal(item.Version, detail.Item.Version);
    }

    [Fact]
    public async Task Close_out_without_evidence_is_refused()
    {
        var item = await _ledgers.ItemAsync();
        item = await _ledgers.ActAsync(item, "start");
        item = await _ledgers.ActAsync(item, "completed");

        var problem = await (await _client.PostJsonAsync($"/api/items/{item.Id}/close-out/request", new { version = item.Version, summary = "已整改完毕" })).ProblemAsync(409);

        Assert.Equal("CloseOutNeedsEvidence", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reasons_are_required_where_the_lifecycle_asks_for_one()
    {
        var item = await _ledgers.ItemAsync();
        item = await _ledgers.ActAsync(item, "start");

        var problem = await (await _client.PostJsonAsync($"/api/items/{item.Id}/partially-done", new { version = item.Version, reason = "" })).ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        item = await _ledgers.ActAsync(item, "partially-done", new { reason = "制度已建立，长期坚持学习" });
        item = await _ledgers.ActAsync(item, "resume", new { reason = "发现新问题" });
        Assert.Equal(ItemStatus.InProgress, item.Status);
        var history = (await _ledgers.DetailAsync(item.Id)).History;
        Assert.Equal("发现新问题", history[^1].Reason);
        Assert.Equal("阶段性完成 → 整改中", history[^1].Summary);
    }

    [Fact]
    public async Task A_stale_version_gets_409_with_the_current_version_and_never_overwrites()
    {
        var item = await _ledgers.ItemAsync("原标题");
        var round = await _client.GetFromJsonAsync<RoundDto>($"/api/rounds/{(await _ledgers.DetailAsync(item.Id)).Item.RoundId}", LedgerApiFactory.Json);
        var edit = (Guid version, string title) => _client.PutJsonAsync($"/api/items/{item.Id}", new { version, aspectId = round!.Aspects[0].Id, title });

        var mine = await (await edit(item.Version, "甲的修改")).ReadAsync<ItemState>();
        var problem = await (await edit(item.Version, "乙的修改")).ProblemAsync(409);

        Assert.Equal(mine.Version, problem.GetProperty("currentVersion").GetGuid());
        Assert.Equal("甲的修改", (await _ledgers.DetailAsync(item.Id)).Item.Title);
    }

    [Fact]
    public async Task Malformed_requests_are_400_problem_details()
    {
        var item = await _ledgers.ItemAsync();

        var badJson = new StringContent("{\"version\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal("请求格式不正确", (await (await _client.PostAsync($"/api/items/{item.Id}/start", badJson)).ProblemAsync(400)).GetProperty("title").GetString());
        await (await _client.PostJsonAsync($"/api/items/{item.Id}/start", new { version = "not-a-guid" })).ProblemAsync(400);
        var missingVersion = await (await _client.PostJsonAsync($"/api/items/{item.Id}/start", new { })).ProblemAsync(400);
        Assert.True(missingVersion.GetProperty("errors").TryGetProperty("version", out _));
        await (await _client.GetAsync("/api/items?pageSize=201")).ProblemAsync(400);
        await (await _client.GetAsync("/api/items?status=Unknown")).ProblemAsync(400);
    }

    [Fact]
    public async Task Every_command_leaves_one_audit_record_and_a_failed_one_leaves_none()
    {
        var item = await _ledgers.ItemAsync();
        await _ledgers.ActAsync(item, "start");
        await (await _client.PostJsonAsync($"/api/items/{item.Id}/reopen", new { version = item.Version, reason = "x" })).ProblemAsync(409);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var records = await db.AuditRecords.AsNoTracking().Where(a => a.EntityId == item.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync();
        Assert.Equal(["CreateItem", "StartItem"], records.Select(r => r.Action));
        Assert.All(records, r => Assert.Equal(LedgerApiFactory.OfficeUser, r.Actor));
        Assert.Contains("\"Status\":{\"From\":\"NotStarted\",\"To\":\"InProgress\"}", records[1].Changes, StringComparison.Ordinal);
        Assert.Equal(LedgerApiFactory.Now.UtcDateTime, records[1].At);
    }
}
