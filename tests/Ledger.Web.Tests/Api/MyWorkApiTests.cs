using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using Ledger.Application.Settings;
using Ledger.Web.Ui;

namespace Ledger.Web.Tests.Api;

/// <summary>我的待办 through the real host on 2025年1月16日 (Thursday): each role's groups hold the items it must act on.</summary>
public sealed class MyWorkApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private const string Overdue = "2025-01-10";
    private const string DueSoon = "2025-01-20";
    private const string FarOff = "2025-06-30";

    private readonly HttpClient _office = factory.CreateClient();

    [Fact]
    public async Task Department_users_see_their_departments_items_by_what_they_must_do_and_never_another_departments()
    {
        var s = await SceneAsync("部门");
        var unacknowledged = await ItemAsync(s, "未签收且超期", s.A, Overdue);
        var coDueSoon = await ItemAsync(s, "配合且临期", s.B, DueSoon, coDepartment: s.A);
        var elsewhere = await ItemAsync(s, "其他部门超期", s.B, Overdue);
        var stale = await ItemAsync(s, "久未报送进展", s.A, FarOff);
        var fresh = await ItemAsync(s, "今天报送进展", s.A, FarOff);
        var evidence = await ItemAsync(s, "措施缺佐证", s.A, FarOff);
        await ReportAsync(s.HeadA, stale, "2025-01-06");
        await ReportAsync(s.HeadA, fresh, "2025-01-16");
        evidence = await (await _office.PostJsonAsync($"/api/items/{evidence.Id}/measures", new { version = evidence.Version, text = "建立学习台账" })).ReadAsync<ItemState>();
        var measure = (await new Ledgers(_office).DetailAsync(evidence.Id)).Measures.Single();
        await (await _office.PutJsonAsync($"/api/items/{evidence.Id}/measures/{measure.Id}/evidence-required", new { version = evidence.Version, required = true }))
            .ReadAsync<ItemState>();

        var head = await MyWorkAsync(s.HeadA);
        Assert.Equal(
            [MyWorkKind.Instructions, MyWorkKind.AwaitingAcknowledgement, MyWorkKind.ProgressDue, MyWorkKind.Overdue, MyWorkKind.DueSoon, MyWorkKind.EvidenceMissing, MyWorkKind.ReadyForCloseOut, MyWorkKind.SentBack],
            head.Groups.Select(g => g.Kind));
        Assert.Equal("待签收", Group(head, MyWorkKind.AwaitingAcknowledgement).Title);
        Assert.Contains(unacknowledged.Id, Ids(head, MyWorkKind.AwaitingAcknowledgement));
        Assert.DoesNotContain(coDueSoon.Id, Ids(head, MyWorkKind.AwaitingAcknowledgement));
        Assert.Contains(unacknowledged.Id, Ids(head, MyWorkKind.Overdue));
        Assert.Contains(coDueSoon.Id, Ids(head, MyWorkKind.DueSoon));
        Assert.Contains(stale.Id, Ids(head, MyWorkKind.ProgressDue));
        Assert.DoesNotContain(fresh.Id, Ids(head, MyWorkKind.ProgressDue));
        Assert.Equal([evidence.Id], Ids(head, MyWorkKind.EvidenceMissing));
        Assert.All(head.Groups, g => Assert.DoesNotContain(elsewhere.Id, g.Items.Select(i => i.Id)));
        Assert.All(head.Groups, g => Assert.Equal(g.Items.Count, g.TotalCount));

        // An item in two groups (待签收 and 已超期) is one item to do, in the page's summary and the menu's count.
        var distinct = head.Groups.SelectMany(g => g.Items).Select(i => i.Id).Distinct().Count();
        Assert.True(head.Groups.Sum(g => g.TotalCount) > distinct);
        Assert.Equal(distinct, head.ItemCount);
        var count = await (await s.HeadA.GetAsync("/api/my-work?countOnly=true")).ReadAsync<MyWorkDto>();
        Assert.Equal((0, distinct), (count.Groups.Count, count.ItemCount));

        // Staff may not ask for a close-out or an extension: nothing of theirs can be sent back.
        var staff = await MyWorkAsync(factory.ClientFor(Roles.DepartmentStaff, s.A));
        Assert.DoesNotContain(staff.Groups, g => g.Kind == MyWorkKind.SentBack);
        Assert.Contains(unacknowledged.Id, Ids(staff, MyWorkKind.AwaitingAcknowledgement));

        var other = await MyWorkAsync(s.HeadB);
        Assert.Contains(elsewhere.Id, Ids(other, MyWorkKind.Overdue));
        Assert.Contains(coDueSoon.Id, Ids(other, MyWorkKind.AwaitingAcknowledgement));
        Assert.All(other.Groups, g => Assert.DoesNotContain(unacknowledged.Id, g.Items.Select(i => i.Id)));

        // A group the ledger can filter for links to the ledger showing exactly its items.
        var awaiting = Group(head, MyWorkKind.AwaitingAcknowledgement).Ledger!;
        Assert.Equal((true, s.A), (awaiting.AwaitingAcknowledgement, awaiting.LeadDepartmentId));
        foreach (var group in head.Groups.Where(g => g.Ledger is not null))
        {
            var ledger = await (await s.HeadA.GetAsync($"/api/items?{LedgerQuery.Format(group.Ledger! with { PageSize = 200 })}")).ReadAsync<PagedResult<ItemListDto>>();
            Assert.Equal(group.Items.Select(i => i.Id).Order(), ledger.Items.Select(i => i.Id).Order());
        }

        Assert.Null(Group(head, MyWorkKind.ProgressDue).Ledger);
    }

    [Fact]
    public async Task A_close_out_request_moves_from_the_offices_list_to_the_leaders_after_review_and_back_to_the_department_when_rejected()
    {
        var s = await SceneAsync("销号");
        var item = await ItemAsync(s, "制度执行不严格", s.A, FarOff, measure: true);
        var head = new Ledgers(s.HeadA);
        item = await head.ActAsync(item, "acknowledge");
        item = await head.ActAsync(item, "start");
        var measure = (await head.DetailAsync(item.Id)).Measures.Single();
        item = await (await s.HeadA.PostJsonAsync($"/api/items/{item.Id}/measures/{measure.Id}/complete", new { version = item.Version })).ReadAsync<ItemState>();
        item = await head.ActAsync(item, "completed");
        item = await (await Ledgers.UploadAsync(s.HeadA, item.Id, item.Version, "纪要.pdf", Ledgers.Pdf(item.Id.ToString()))).ReadAsync<ItemState>();
        item = await head.ActAsync(item, "close-out/request", new { summary = "制度已修订并执行" });

        Assert.Contains(item.Id, Ids(await MyWorkAsync(_office), MyWorkKind.CloseOutToReview));
        Assert.DoesNotContain(item.Id, Ids(await MyWorkAsync(s.Leader), MyWorkKind.CloseOutToApprove));

        item = await new Ledgers(_office).ActAsync(item, "close-out/review", new { pass = true });
        Assert.DoesNotContain(item.Id, Ids(await MyWorkAsync(_office), MyWorkKind.CloseOutToReview));
        Assert.Contains(item.Id, Ids(await MyWorkAsync(s.Leader), MyWorkKind.CloseOutToApprove));
        Assert.DoesNotContain(item.Id, Ids(await MyWorkAsync(s.OtherLeader), MyWorkKind.CloseOutToApprove));

        // When the office lets every leader approve, every leader has the request to approve.
        var settings = await (await _office.GetAsync("/api/settings/workflow")).ReadAsync<WorkflowSettingsDto>();
        var all = await (await _office.PutJsonAsync("/api/settings/workflow", new { version = settings.Version, allLeadersApprove = true, maxExtensions = settings.MaxExtensions }))
            .ReadAsync<WorkflowSettingsDto>();
        try
        {
            Assert.Contains(item.Id, Ids(await MyWorkAsync(s.OtherLeader), MyWorkKind.CloseOutToApprove));
        }
        finally
        {
            await (await _office.PutJsonAsync("/api/settings/workflow", new { version = all.Version, allLeadersApprove = false, maxExtensions = settings.MaxExtensions }))
                .ReadAsync<WorkflowSettingsDto>();
        }

        Assert.DoesNotContain(item.Id, Ids(await MyWorkAsync(s.HeadA), MyWorkKind.SentBack));
        item = await new Ledgers(s.Leader).ActAsync(item, "close-out/decision", new { approve = false, reason = "佐证材料不足" });
        Assert.DoesNotContain(item.Id, Ids(await MyWorkAsync(s.Leader), MyWorkKind.CloseOutToApprove));
        Assert.Contains(item.Id, Ids(await MyWorkAsync(s.HeadA), MyWorkKind.SentBack));
        Assert.DoesNotContain(item.Id, Ids(await MyWorkAsync(s.HeadB), MyWorkKind.SentBack));

        // Taking the item on again clears it from the list.
        await head.ActAsync(item, "completed");
        Assert.DoesNotContain(item.Id, Ids(await MyWorkAsync(s.HeadA), MyWorkKind.SentBack));
    }

    [Fact]
    public async Task The_office_gets_items_to_assign_and_a_leader_the_extensions_to_decide_and_the_overdue_items_they_answer_for()
    {
        var s = await SceneAsync("分工");
        var bare = await new Ledgers(_office).ItemAsync(s.Round, "尚未分工");
        var noLeader = await ItemAsync(s, "未定责任领导", s.A, FarOff, leader: false);
        var assigned = await ItemAsync(s, "分工完整", s.A, FarOff);
        var extended = await ItemAsync(s, "申请延期", s.A, "2025-03-31");
        var late = await ItemAsync(s, "领导分管超期", s.A, Overdue);

        var office = await MyWorkAsync(_office);
        Assert.Equal([MyWorkKind.CloseOutToReview, MyWorkKind.Unassigned, MyWorkKind.Unreached], office.Groups.Select(g => g.Kind));
        Assert.Contains(bare.Id, Ids(office, MyWorkKind.Unassigned));
        Assert.Contains(noLeader.Id, Ids(office, MyWorkKind.Unassigned));
        Assert.DoesNotContain(assigned.Id, Ids(office, MyWorkKind.Unassigned));

        // 待分工 opens the ledger showing the same items, to tick and assign together.
        var ledger = await (await _office.GetAsync($"/api/items?{LedgerQuery.Format(Group(office, MyWorkKind.Unassigned).Ledger! with { PageSize = 200 })}"))
            .ReadAsync<PagedResult<ItemListDto>>();
        Assert.Equal(Ids(office, MyWorkKind.Unassigned).Order(), ledger.Items.Select(i => i.Id).Order());

        extended = await new Ledgers(s.HeadA).ActAsync(extended, "extension/request", new { newDueDate = "2025-04-30", reason = "需待上级批复" });
        var leader = await MyWorkAsync(s.Leader);
        Assert.Equal([MyWorkKind.CloseOutToApprove, MyWorkKind.ExtensionToDecide, MyWorkKind.LeaderOverdue], leader.Groups.Select(g => g.Kind));
        Assert.Equal([extended.Id], Ids(leader, MyWorkKind.ExtensionToDecide));
        Assert.Equal([late.Id], Ids(leader, MyWorkKind.LeaderOverdue));
        Assert.Equal((true, s.LeaderId), (Group(leader, MyWorkKind.LeaderOverdue).Ledger!.Overdue, Group(leader, MyWorkKind.LeaderOverdue).Ledger!.ResponsibleLeaderId));
        var other = await MyWorkAsync(s.OtherLeader);
        Assert.Empty(Ids(other, MyWorkKind.ExtensionToDecide));
        Assert.Empty(Ids(other, MyWorkKind.LeaderOverdue));

        await new Ledgers(s.Leader).ActAsync(extended, "extension/decision", new { approve = false, reason = "时限不能再延" });
        Assert.Empty(Ids(await MyWorkAsync(s.Leader), MyWorkKind.ExtensionToDecide));
        Assert.Contains(extended.Id, Ids(await MyWorkAsync(s.HeadA), MyWorkKind.SentBack));

        // Reporting how the deadline will be met, after the rejection, answers it.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReportAsync(s.HeadA, extended, "2025-01-16");
        Assert.DoesNotContain(extended.Id, Ids(await MyWorkAsync(s.HeadA), MyWorkKind.SentBack));
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Admin)]
    public async Task A_role_that_acts_on_no_item_has_no_groups(string role) =>
        Assert.Empty((await MyWorkAsync(factory.ClientFor(role))).Groups);

    [Fact]
    public async Task A_due_soon_window_beyond_thirty_working_days_is_refused_in_chinese()
    {
        var problem = await (await _office.GetAsync("/api/my-work?dueSoonWorkingDays=99")).ProblemAsync(400);
        Assert.Contains("0 到 30", problem.GetRawText(), StringComparison.Ordinal);
    }

    private static MyWorkGroup Group(MyWorkDto work, MyWorkKind kind) => work.Groups.Single(g => g.Kind == kind);

    private static List<Guid> Ids(MyWorkDto work, MyWorkKind kind) => [.. Group(work, kind).Items.Select(i => i.Id)];

    private static async Task<MyWorkDto> MyWorkAsync(HttpClient client) => await (await client.GetAsync("/api/my-work")).ReadAsync<MyWorkDto>();

    private static async Task ReportAsync(HttpClient client, ItemState item, string reportDate) =>
        await (await client.PostJsonAsync($"/api/items/{item.Id}/progress", new { progress = "组织专题学习", reportDate })).ReadAsync<ItemState>();

    private async Task<ItemState> ItemAsync(Scene s, string title, Guid lead, string dueDate, Guid? coDepartment = null, bool leader = true, bool measure = false)
    {
        var item = await new Ledgers(_office).ItemAsync(s.Round, $"{s.Name}-{title}");
        if (measure)
        {
            item = await (await _office.PostJsonAsync($"/api/items/{item.Id}/measures", new { version = item.Version, text = "修订制度" })).ReadAsync<ItemState>();
        }

        return await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            leadDepartmentId = lead,
            coDepartmentIds = coDepartment is { } co ? new[] { co } : null,
            responsibleLeaderId = leader ? s.LeaderId : (Guid?)null,
            dueDate,
        })).ReadAsync<ItemState>();
    }

    private async Task<Scene> SceneAsync(string name)
    {
        var ledgers = new Ledgers(_office);
        var a = await ledgers.DepartmentAsync($"{name}-甲部门");
        var b = await ledgers.DepartmentAsync($"{name}-乙部门");
        var leader = await ledgers.PersonAsync($"{name}-责任领导", isLeader: true);
        var otherLeader = await ledgers.PersonAsync($"{name}-其他领导", isLeader: true);
        return new Scene(
            name,
            await ledgers.RoundAsync(),
            a.Id,
            b.Id,
            leader.Id,
            factory.ClientFor(Roles.DepartmentHead, a.Id),
            factory.ClientFor(Roles.DepartmentHead, b.Id),
            factory.ClientFor(Roles.Leader, personId: leader.Id),
            factory.ClientFor(Roles.Leader, personId: otherLeader.Id));
    }

    private sealed record Scene(
        string Name, RoundDto Round, Guid A, Guid B, Guid LeaderId, HttpClient HeadA, HttpClient HeadB, HttpClient Leader, HttpClient OtherLeader);
}
