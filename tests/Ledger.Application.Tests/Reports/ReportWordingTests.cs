using Ledger.Application.Reports;
using Ledger.Domain.Items;

namespace Ledger.Application.Tests.Reports;

public class ReportWordingTests
{
    [Theory]
    [InlineData("郑州市惠济区人民检察院党组", "中共郑州市惠济区人民检察院党组")]
    [InlineData("中共东莞市人民检察院党组", "中共东莞市人民检察院党组")]
    [InlineData("某区检察院机关党委", "中共某区检察院机关党委")]
    [InlineData("某区人民检察院", "某区人民检察院")]
    public void The_signature_is_the_party_organisation_with_its_full_name(string unit, string signature)
    {
        Assert.Equal(signature, ReportWording.Signature(unit));
        Assert.Equal($"{signature}关于巡察整改进展情况的通报", ReportWording.Title(unit));
    }

    [Fact]
    public void The_opening_says_who_inspected_whom_and_when_leaving_out_what_the_round_does_not_know()
    {
        Assert.Equal(
            "按照市委的统一部署，市委第三巡察组于2024年3月7日至2024年5月10日对长沙市人民检察院党组开展了巡察，并于2024年7月18日向长沙市人民检察院党组反馈了巡察意见。现将巡察整改进展情况予以通报。",
            ReportWording.Opening("市委第三巡察组", "长沙市人民检察院党组", new(2024, 3, 7), new(2024, 5, 10), new(2024, 7, 18)));
        Assert.Equal(
            "按照中共长沙市委的统一部署，中共长沙市委第一巡察组对某院党组开展了巡察，并向某院党组反馈了巡察意见。现将巡察整改进展情况予以通报。",
            ReportWording.Opening("中共长沙市委第一巡察组", "某院党组", null, null, null));
        Assert.StartsWith("按照巡察工作统一部署，第二巡察组于2024年3月7日起", ReportWording.Opening("第二巡察组", "某院党组", new(2024, 3, 7), null, null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_keeps_its_own_words_when_its_description_opens_with_its_title()
    {
        Assert.Equal(
            ("理论学习“走形不走心”,在深学笃行上存在不足。", "巡察期间,巡察组随机抽取20名干警。"),
            ReportWording.Problem("理论学习“走形不走心”,在深学笃行上存在不足", "理论学习“走形不走心”,在深学笃行上存在不足。巡察期间,巡察组随机抽取20名干警。"));
        Assert.Equal(("会风不严，存在迟到现象。", "另有早退。"), ReportWording.Problem("会风不严", "会风不严，存在迟到现象。另有早退。"));
        Assert.Equal(("关于“上一轮巡察整改遗留问题”的问题。", "上一轮巡察整改个别问题未整改到位。"), ReportWording.Problem("上一轮巡察整改遗留问题", "上一轮巡察整改个别问题未整改到位。"));
        Assert.Equal(("会风不严。", string.Empty), ReportWording.Problem("会风不严", null));
        Assert.Equal(("会风不严。", "迟到多。早退多。"), ReportWording.Problem("会风不严", "会风不严。迟到多。\n早退多。"));
    }

    [Fact]
    public void What_was_done_numbers_unnumbered_measures_and_adds_the_latest_progress()
    {
        Assert.Equal("一是强化学习。二是开展测试。", ReportWording.ItemText([Done("一是强化学习。"), Done("二是开展测试。")], null));
        Assert.Equal("一是制定学习计划。二是开展测试。\n已组织测试1次。", ReportWording.ItemText([Done("制定学习计划"), Done("开展测试。")], "已组织测试1次"));
        Assert.Equal("制定学习计划。", ReportWording.ItemText([Done("制定学习计划")], " "));
        Assert.Equal(string.Empty, ReportWording.ItemText([], null));
    }

    [Fact]
    public void Measures_not_yet_done_are_next_steps_after_what_was_done_never_work_done()
    {
        Assert.Equal("下一步，将落实以下整改措施：一是制定学习计划。二是开展测试。", ReportWording.ItemText([Planned("制定学习计划"), Planned("开展测试")], null));
        Assert.Equal(
            "制定学习计划。\n已组织学习2次。\n下一步，将落实整改措施：开展测试。",
            ReportWording.ItemText([Done("制定学习计划"), Planned("开展测试")], "已组织学习2次"));
    }

    private static MeasureOnDate Done(string text) => new(text, true);

    private static MeasureOnDate Planned(string text) => new(text, false);

    [Fact]
    public void Written_parts_become_paragraphs_with_their_points_in_bold()
    {
        var paragraphs = ReportWording.Paragraphs("院党组高度重视。\n\n(一)强化组织领导，全面统筹实施。巡察意见反馈后召开党组会。\n二是建章立制。\n（三）持续整改\r\n").ToList();

        Assert.Equal(
            [
                new ReportParagraph("院党组高度重视。"),
                new ReportParagraph("巡察意见反馈后召开党组会。", ParagraphLead.Point(1, "强化组织领导，全面统筹实施。")),
                new ReportParagraph(string.Empty, ParagraphLead.Ordinal(2, "建章立制。")),
                new ReportParagraph(string.Empty, ParagraphLead.Point(3, "持续整改")),
            ],
            paragraphs);
        Assert.Equal("（一）强化组织领导，全面统筹实施。巡察意见反馈后召开党组会。", paragraphs[1].Line);
    }

    [Theory]
    [InlineData("三、下一步工作计划", "下一步工作计划")]
    [InlineData("下一步工作安排", "下一步工作安排")]
    [InlineData("一.组织整改落实情况", "组织整改落实情况")]
    public void A_heading_is_written_without_the_number_the_report_gives_it(string written, string heading) =>
        Assert.Equal(heading, ReportWording.Heading(written));

    [Theory]
    [InlineData(ItemStatus.NotStarted, "尚未启动")]
    [InlineData(ItemStatus.InProgress, "正在整改")]
    [InlineData(ItemStatus.PartiallyDone, "阶段性完成")]
    [InlineData(ItemStatus.Completed, "完成")]
    [InlineData(ItemStatus.CloseOutRequested, "完成")]
    [InlineData(ItemStatus.ClosedOut, "完成")]
    public void The_report_states_a_status_in_its_own_words(ItemStatus status, string words) =>
        Assert.Equal(words, ReportWording.Status(status));
}
