using System.Text;
using FluentValidation;
using Ledger.Application.Importing;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Domain.Items;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Tests.Importing;

public sealed class ImportReportTests : IAsyncDisposable
{
    private readonly ApplicationHarness _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static byte[] Seed(string name) => File.ReadAllBytes(RepositoryFiles.Seed(name));

    [Fact]
    public async Task A_dry_run_creates_nothing()
    {
        var result = await _app.SendAsync(new ImportReportCommand("002.txt", Seed("002_bc7ac9455876ebe8.txt"), DryRun: true));

        Assert.Equal((null, false, 4, 40, 112), (result.RoundId, result.AlreadyImported, result.AspectCount, result.ItemCount, result.MeasureCount));
        Assert.Equal(0, await _app.ReadAsync(db => db.Rounds.CountAsync()));
        Assert.Equal(0, await _app.ReadAsync(db => db.AuditRecords.CountAsync()));
    }

    [Fact]
    public async Task The_largest_seed_becomes_a_round_with_its_items_and_measures_in_one_command()
    {
        var result = await _app.SendAsync(new ImportReportCommand("002.txt", Seed("002_bc7ac9455876ebe8.txt")));

        var page = await _app.SendAsync(new ListItemsQuery { RoundId = result.RoundId, PageSize = 100 });
        Assert.Equal(40, page.TotalCount);

        // Its measures stand under 整改完成情况 with no plan apart: what the report says was done is recorded as done.
        Assert.All(page.Items, i => Assert.Equal((ItemStatus.InProgress, i.MeasureCount), (i.Status, i.MeasuresDone)));
        Assert.Equal(112, page.Items.Sum(i => i.MeasureCount));
        Assert.Equal("六个纳入执行不到位", page.Items.Single(i => i.Number == 15).Title);
        Assert.Equal("群众反映的突出问题和不正之风依然存在", page.Items.Single(i => i.Number == 16).AspectTitle);
        var audit = Assert.Single(await _app.ReadAsync(db => db.AuditRecords.ToListAsync()));
        Assert.Equal(("ImportReport", "InspectionRound"), (audit.Action, audit.EntityType));
        Assert.Contains($"\"To\":\"{Seed("002_bc7ac9455876ebe8.txt").Length} bytes, SHA-256 {result.Sha256}\"", audit.Changes, StringComparison.Ordinal);

        // Each item's creation, measures and their completion are in the one record: bounded by the document, not more.
        Assert.True(audit.Changes.Length < 6 * Seed("002_bc7ac9455876ebe8.txt").Length, $"audit record of {audit.Changes.Length} characters");
    }

    [Fact]
    public async Task The_same_document_twice_is_recognised_by_its_hash()
    {
        var first = await _app.SendAsync(new ImportReportCommand("000.txt", Seed("000_a214ae62bcaa29c6.txt")));
        var again = await _app.SendAsync(new ImportReportCommand("副本.txt", Seed("000_a214ae62bcaa29c6.txt")));

        Assert.True(again.AlreadyImported);
        Assert.Equal(first.RoundId, again.RoundId);
        Assert.Equal(1, await _app.ReadAsync(db => db.Rounds.CountAsync()));
        Assert.Equal(19, await _app.ReadAsync(db => db.Items.CountAsync(i => i.Status == ItemStatus.Completed)));
    }

    [Fact]
    public async Task Named_departments_and_leaders_are_matched_and_unknown_names_are_warnings()
    {
        var office = await _app.SendAsync(new CreateDepartmentCommand("办公室"));
        await _app.SendAsync(new CreatePersonCommand("张三", "副检察长", null, true));
        var text = """
            县委第二巡察组对某县人民检察院党组进行了巡察。
            二、问题整改情况
            (一)政治建设方面
            问题1:“第一议题”制度落实不到位。
            整改结果:阶段性完成
            责任领导:张三;责任部门:办公室、宣传科;整改时限:2025年6月30日
            整改措施:一是修订制度;二是组织学习。
            """;

        var result = await _app.SendAsync(new ImportReportCommand("plan.txt", Encoding.UTF8.GetBytes(text)));

        var item = Assert.Single((await _app.SendAsync(new ListItemsQuery { RoundId = result.RoundId })).Items);
        Assert.Equal((office.Id, "张三", new DateOnly(2025, 6, 30), ItemStatus.PartiallyDone), (item.LeadDepartmentId, item.ResponsibleLeaderName, item.DueDate, item.Status));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((4, "部门“宣传科”不在部门名单中，未分配，请在台账中指定。"), (warning.Line, warning.Message));
    }

    [Fact]
    public async Task A_document_without_any_problem_is_refused_saying_what_was_looked_for()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(new ImportReportCommand("x.txt", Encoding.UTF8.GetBytes("没有结构的文字。"))));

        var message = Assert.Single(error.Errors).ErrorMessage;
        Assert.StartsWith("没有识别出任何问题条目（找的是", message, StringComparison.Ordinal);
        Assert.EndsWith("未导入。", message, StringComparison.Ordinal);
        Assert.Equal(0, await _app.ReadAsync(db => db.Rounds.CountAsync()));
    }

    [Fact]
    public async Task A_list_without_an_introduction_is_imported_with_the_round_left_for_the_office_to_fill()
    {
        var text = Encoding.UTF8.GetBytes("二、问题\n(一)作风方面\n1.会风不严。");

        var preview = await _app.SendAsync(new ImportReportCommand("x.txt", text, DryRun: true));
        var result = await _app.SendAsync(new ImportReportCommand("x.txt", text, Round: new RoundDraft(null, "某县财政局党组", null, null, new(2024, 6, 5), null)));

        Assert.Equal((null, null), (preview.Draft.Round.InspectingTeam, preview.Draft.Round.InspectedUnit));
        Assert.Contains(preview.Warnings, w => w.Message.StartsWith("文档没有写明巡察组", StringComparison.Ordinal));
        Assert.Contains(preview.Warnings, w => w.Message.StartsWith("文档没有写明被巡察单位", StringComparison.Ordinal));
        var round = await _app.ReadAsync(db => db.Rounds.SingleAsync(r => r.Id == result.RoundId));
        Assert.Equal(("（待填写巡察组）", "某县财政局党组", new DateOnly(2024, 6, 5)), (round.InspectingTeam, round.InspectedUnit, round.FeedbackDate));
        Assert.Equal(1, result.ItemCount);
    }
}
