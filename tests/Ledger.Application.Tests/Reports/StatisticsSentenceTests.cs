using Ledger.Application.Importing;
using Ledger.Application.Reports;
using Ledger.Testing;

namespace Ledger.Application.Tests.Reports;

public class StatisticsSentenceTests
{
    private static readonly DateOnly Day = new(2025, 1, 16);

    /// <summary>Items with these counts of 已完成, 阶段性完成, 整改中 and 未启动, none closed out, due or overdue.</summary>
    private static ItemFigures Items(int completed, int partiallyDone = 0, int inProgress = 0, int notStarted = 0) =>
        new(completed + partiallyDone + inProgress + notStarted, completed, partiallyDone, inProgress, notStarted, 0, 0, 0, 0, 0);

    private static readonly ItemFigures None = Items(0);

    [Fact]
    public void The_Changsha_report_figures_give_its_sentence_word_for_word()
    {
        var sentence = StatisticsSentence.Write(Day, Items(24, partiallyDone: 16), Items(4), Items(20));

        Assert.Equal(
            "截至2025年1月16日，巡察反馈的40个具体问题，已完成整改24个，阶段性完成整改16个；巡察交办立行立改事项4个，整改完成4个；交办信访件20件，已全部办结。",
            sentence);

        // The seed's page folded the full-width marks to half-width; folded the same way, the two are one text.
        var seed = File.ReadLines(RepositoryFiles.Seed("002_bc7ac9455876ebe8.txt")).Single(l => l.StartsWith("截至", StringComparison.Ordinal));
        Assert.Equal(seed, ChineseText.Normalize(sentence));
    }

    [Fact]
    public void The_importer_reads_the_sentence_back_to_the_same_figures()
    {
        var sentence = StatisticsSentence.Write(Day, Items(24, partiallyDone: 16), Items(3, inProgress: 1), Items(12, notStarted: 8));

        var summary = ReportParser.Parse($"市委第一巡察组对某院党组进行了巡察。\n{sentence}\n二、问题整改情况\n(一)作风方面\n1.会风不严。").Draft!.Summary;

        Assert.Equal(new ReportSummary(Day, 40, 24, 16, 4, 20), summary);
    }

    [Theory]
    [InlineData(24, 16, 0, 0, "巡察反馈的40个具体问题，已完成整改24个，阶段性完成整改16个")]
    [InlineData(6, 0, 3, 1, "巡察反馈的10个具体问题，已完成整改6个，正在整改3个，尚未启动整改1个")]
    [InlineData(0, 2, 0, 5, "巡察反馈的7个具体问题，阶段性完成整改2个，尚未启动整改5个")]
    [InlineData(19, 0, 0, 0, "巡察反馈的19个具体问题，已全部完成整改")]
    public void Problems_name_each_status_they_have_and_say_all_when_all_are_done(int completed, int partiallyDone, int inProgress, int notStarted, string expected) =>
        Assert.Equal($"截至2025年1月16日，{expected}。", StatisticsSentence.Write(Day, Items(completed, partiallyDone, inProgress, notStarted), None, None));

    [Theory]
    [InlineData(4, 0, "巡察交办立行立改事项4个，整改完成4个")]
    [InlineData(3, 1, "巡察交办立行立改事项4个，整改完成3个，正在整改1个")]
    [InlineData(0, 2, "巡察交办立行立改事项2个，正在整改2个")]
    public void Immediate_fixes_count_what_is_done_and_what_is_still_being_fixed(int completed, int open, string expected) =>
        Assert.Equal($"截至2025年1月16日，巡察反馈的1个具体问题，已全部完成整改；{expected}。", StatisticsSentence.Write(Day, Items(1), Items(completed, inProgress: open), None));

    [Theory]
    [InlineData(20, 0, "交办信访件20件，已全部办结")]
    [InlineData(12, 8, "交办信访件20件，已办结12件，正在办理8件")]
    [InlineData(0, 3, "交办信访件3件，正在办理3件")]
    public void Petitions_are_all_done_or_counted_done_and_in_hand(int done, int open, string expected) =>
        Assert.Equal($"截至2025年1月16日，巡察反馈的2个具体问题，已完成整改1个，阶段性完成整改1个；{expected}。", StatisticsSentence.Write(Day, Items(1, partiallyDone: 1), None, Items(done, partiallyDone: open)));

    [Fact]
    public void Kinds_without_items_are_left_out_and_a_round_without_any_says_so()
    {
        Assert.Equal("截至2025年1月16日，交办信访件2件，已全部办结。", StatisticsSentence.Write(Day, None, None, Items(2)));
        Assert.Equal("截至2025年1月16日，尚未登记巡察反馈问题。", StatisticsSentence.Write(Day, None, None, None));
    }

    [Fact]
    public void Rates_are_percentages_to_one_decimal_and_absent_without_a_base()
    {
        var figures = new ItemFigures(21, 19, 0, 1, 1, 2, 1, 3, 1, 56);
        Assert.Equal((90.5m, 33.3m), (figures.CompletionRate, figures.OnTimeRate));
        Assert.Equal(((decimal?)null, (decimal?)null), (None.CompletionRate, None.OnTimeRate));
        Assert.Equal(("90.5%", "—", "100%"), (ItemFigures.PercentText(figures.CompletionRate), ItemFigures.PercentText(None.OnTimeRate), ItemFigures.PercentText(100m)));
    }
}

public class PlanSentenceTests
{
    private static ItemFigures Items(int total, int measures = 0) => new(total, 0, 0, total, 0, 0, 0, 0, 0, measures);

    [Fact]
    public void The_plan_sentence_gives_the_figures_seed_002_garbled()
    {
        Assert.Equal("巡察反馈意见共涉及4个方面、16个具体问题，确定整改事项40个、整改措施151条。", StatisticsSentence.WritePlan(4, Items(16), Items(40, 151)));
        Assert.Equal("巡察反馈意见共涉及2个方面，确定整改事项3个。", StatisticsSentence.WritePlan(2, Items(0), Items(3)));
        Assert.Equal("巡察反馈意见共涉及2个方面。", StatisticsSentence.WritePlan(2, Items(0), Items(0)));
        Assert.Null(StatisticsSentence.WritePlan(0, Items(0), Items(0)));
    }
}
