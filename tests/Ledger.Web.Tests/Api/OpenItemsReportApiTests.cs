using Ledger.Application.Items;
using Ledger.Domain.Items;
using Ledger.Testing;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// A rectification plan (corpus 07: four problems with their 整改措施, no statuses) imported and partly taken up: the
/// generated report states what was done as done and the measures still open as 下一步, never the plan as work done.
/// </summary>
public sealed class OpenItemsReportApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _office = factory.CreateClient();

    [Fact]
    public async Task The_report_of_items_not_started_or_in_progress_states_their_measures_as_next_steps_and_only_what_was_done_as_done()
    {
        var roundId = await FigureRequests.ImportAsync(
            _office, File.ReadAllBytes(RepositoryFiles.Path("tests", "corpus", "07-university-plan.txt")), "东岭大学整改方案.txt");
        var ledgers = new Ledgers(_office);
        var problems = await FigureRequests.ProblemsAsync(_office, roundId);

        // 2 and 3 taken up; of 3's two measures the first is done, and a progress report says what else happened.
        var second = await ledgers.ActAsync(FigureRequests.State(problems[2]), "start");
        var third = await ledgers.ActAsync(FigureRequests.State(problems[3]), "start");
        var measures = (await ledgers.DetailAsync(third.Id)).Measures;
        third = await (await _office.PostJsonAsync($"/api/items/{third.Id}/measures/{measures[0].Id}/complete", new { version = third.Version })).ReadAsync<ItemState>();
        await (await _office.PostJsonAsync($"/api/items/{third.Id}/progress", new { progress = "已召开专题会议研究部署" })).ReadAsync<ItemState>();

        var draft = await ReportRequests.DraftAsync(_office, roundId);

        var items = draft.Items.ToDictionary(i => i.Number);
        Assert.Equal(("尚未启动", "正在整改", "正在整改", "尚未启动"), (items[1].StatusText, items[2].StatusText, items[3].StatusText, items[4].StatusText));
        var single = Assert.Single((await ledgers.DetailAsync(problems[4].Id)).Measures);
        Assert.Equal($"下一步，将落实整改措施：{single.Text.TrimEnd('。')}。", items[4].ComposedText);

        // Measures numbered (1) (2) by the document keep their numbers, each a sentence.
        Assert.Equal(
            "下一步，将落实以下整改措施：" + string.Concat((await ledgers.DetailAsync(second.Id)).Measures.Select(m => m.Text.TrimEnd('；', ';', '。') + "。")),
            items[2].ComposedText);

        // What was done, what the progress report says, then the measure still open.
        var paragraphs = items[3].ComposedText.Split('\n');
        Assert.Equal(3, paragraphs.Length);
        Assert.Equal((measures[0].Text.TrimEnd('。', '；', ';') + "。", "已召开专题会议研究部署。"), (paragraphs[0], paragraphs[1]));
        Assert.StartsWith("下一步，将落实", paragraphs[2], StringComparison.Ordinal);
        Assert.Contains(measures[1].Text.TrimEnd('。'), paragraphs[2], StringComparison.Ordinal);

        // No other problem of the round was done: each one's 整改情况 opens with what is still to do, in the report's text too.
        Assert.All(items.Values.Where(i => i.Number != 3), i => Assert.StartsWith("下一步，将落实", i.ComposedText, StringComparison.Ordinal));
        Assert.Contains($"整改情况：{items[4].ComposedText}\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains($"整改情况：{paragraphs[0]}\n{paragraphs[1]}\n下一步", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_of_what_was_done_records_its_measures_as_done_and_the_generated_report_states_them_as_done()
    {
        // Seed 002 lists each problem's 整改完成情况 with no plan apart and states no status: the work it reports is done.
        var roundId = await FigureRequests.ImportAsync(_office, File.ReadAllBytes(RepositoryFiles.Seed("002_bc7ac9455876ebe8.txt")), "长沙整改进展.txt");
        var problems = await FigureRequests.ProblemsAsync(_office, roundId);
        var detail = await new Ledgers(_office).DetailAsync(problems[2].Id);
        Assert.Equal(ItemStatus.InProgress, detail.Item.Status);
        Assert.All(detail.Measures, m => Assert.NotNull(m.CompletedOn));

        var items = (await ReportRequests.DraftAsync(_office, roundId)).Items;
        Assert.All(items, i => Assert.DoesNotContain("下一步，将落实", i.ComposedText, StringComparison.Ordinal));
        Assert.StartsWith("(1)经多方努力,2个历史遗留问题现已整改到位。", items.Single(i => i.Number == 2).ComposedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reports_整改情况_is_the_items_progress_report_dated_by_it_and_its_open_measures_are_next_steps_in_the_generated_report()
    {
        var roundId = await FigureRequests.ImportAsync(
            _office, File.ReadAllBytes(RepositoryFiles.Path("tests", "corpus", "04-county-bureau-markers.txt")), "水利局整改报告.txt");
        var problems = await FigureRequests.ProblemsAsync(_office, roundId);
        var ledgers = new Ledgers(_office);

        // 【整改情况】正在整改。已检查在建项目15个，约谈企业3家。 — the status is the item's, the rest its progress, of the signature's date.
        var inProgress = await ledgers.DetailAsync(problems[2].Id);
        Assert.Equal(ItemStatus.InProgress, inProgress.Item.Status);
        var progress = Assert.Single(inProgress.ProgressReports);
        Assert.Equal((new DateOnly(2024, 12, 28), "已检查在建项目15个,约谈企业3家。"), (progress.ReportDate, progress.Progress));
        Assert.Single((await ledgers.DetailAsync(problems[1].Id)).ProgressReports);

        var items = (await ReportRequests.DraftAsync(_office, roundId)).Items.ToDictionary(i => i.Number);

        // Done: its measures are what was done. In progress: what the report said was done, then its measures as plans.
        Assert.Equal(("完成", "正在整改", "阶段性完成"), (items[1].StatusText, items[2].StatusText, items[3].StatusText));
        Assert.StartsWith("(1)逐库明确行政、技术、巡查责任人并公示。", items[1].ComposedText, StringComparison.Ordinal);
        Assert.DoesNotContain("下一步", items[1].ComposedText, StringComparison.Ordinal);
        Assert.Equal("已检查在建项目15个,约谈企业3家。\n下一步，将落实以下整改措施：(1)开展在建项目专项检查。(2)约谈违规施工企业并列入信用黑名单。", items[2].ComposedText);
        Assert.StartsWith("办法已修订印发,网上公开平台正在建设。\n下一步，将落实以下整改措施：", items[3].ComposedText, StringComparison.Ordinal);
    }
}
