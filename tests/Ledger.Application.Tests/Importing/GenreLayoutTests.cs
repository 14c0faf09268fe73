using Ledger.Application.Importing;
using Ledger.Domain.Items;

namespace Ledger.Application.Tests.Importing;

/// <summary>Layouts of the genre other than the seeds: ledgers with fields, other numbering, full-width text.</summary>
public class GenreLayoutTests
{
    private static ReportDraft Parse(string text)
    {
        var result = ReportParser.Parse(text);
        Assert.Null(result.Error);
        return result.Draft!;
    }

    [Fact]
    public void A_ledger_style_plan_with_fields_brackets_and_full_width_digits()
    {
        var draft = Parse("""
            2024年4月1日至5月20日，县委第二巡察组对某县人民检察院党组进行了巡察。6月18日，县委第二巡察组向某县人民检察院党组反馈了巡察意见。
            二、整改措施
            （一）政治建设方面
            问题１：“第一议题”制度落实不到位。
            【整改状态：阶段性完成】
            责任领导：张三；责任部门：办公室、政治部；责任人：李四；整改时限：长期坚持
            整改措施：①修订党组学习制度；②每月开展专题学习（责任部门：政治部；完成时限：2024年9月底）；
            问题２：意识形态阵地管理不严。
            整改状态：已完成
            责任部门：检务督察部
            整改时限：8月底
            整改措施：建立网站信息发布审核制度。
            （二）队伍建设方面
            问题３：干部交流轮岗不够。
            整改结果：正在整改
            整改时限：2025年1月31日
            """);

        Assert.Equal(("县委第二巡察组", "某县人民检察院党组"), (draft.Round.InspectingTeam, draft.Round.InspectedUnit));
        Assert.Equal(new DateOnly(2024, 6, 18), draft.Round.FeedbackDate);
        Assert.Equal(["政治建设方面", "队伍建设方面"], draft.Aspects.Select(a => a.Title));

        var first = draft.Aspects[0].Items[0];
        Assert.Equal((1, "“第一议题”制度落实不到位", ItemStatus.PartiallyDone), (first.Number, first.Title, first.Status));
        Assert.Equal(("张三", "办公室", "李四"), (first.ResponsibleLeader, first.LeadDepartment, first.ResponsiblePerson));
        Assert.Equal(["政治部"], first.CoDepartments);
        Assert.Equal(new DeadlineDraft(null, true), first.Deadline);
        Assert.Equal(2, first.Measures.Count);
        Assert.Equal(("政治部", new DateOnly(2024, 9, 30)), (first.Measures[1].LeadDepartment, first.Measures[1].Deadline?.Date));

        var second = draft.Aspects[0].Items[1];
        Assert.Equal((ItemStatus.Completed, "检务督察部", new DateOnly(2024, 8, 31)), (second.Status, second.LeadDepartment, second.Deadline?.Date));
        Assert.Equal(["建立网站信息发布审核制度。"], second.Measures.Select(m => m.Text));

        var third = draft.Aspects[1].Items[0];
        Assert.Equal((ItemStatus.InProgress, new DateOnly(2025, 1, 31)), (third.Status, third.Deadline?.Date));
        Assert.Empty(third.Measures);
        Assert.Empty(draft.Warnings);
    }

    [Fact]
    public void A_feedback_list_with_aspects_as_top_headings_and_comma_numbering()
    {
        var draft = Parse("""
            市委第五巡察组于2024年3月1日至4月30日对某区人民检察院党组开展了巡察，于2024年6月5日反馈巡察意见。
            一、党的领导方面
            1、学习贯彻不深入，以会代学。
            2、民主集中制执行不严格。
            二、全面从严治党方面
            3、廉政风险防控不到位。
            5、财务报销审核不严。
            """);

        Assert.Equal(["党的领导方面", "全面从严治党方面"], draft.Aspects.Select(a => a.Title));
        Assert.Equal([1, 2, 3, 5], draft.Aspects.SelectMany(a => a.Items).Select(i => i.Number));
        Assert.Equal("学习贯彻不深入,以会代学", draft.Aspects[0].Items[0].Title);
        Assert.Equal(new DateOnly(2024, 6, 5), draft.Round.FeedbackDate);
        var gap = Assert.Single(draft.Warnings);
        Assert.Equal((7, "问题序号不连续：3 之后是 5。"), (gap.Line, gap.Message));
    }

    [Fact]
    public void A_summary_that_disagrees_with_the_items_is_a_warning_not_a_fix()
    {
        var draft = Parse("""
            市委第一巡察组对某院党组进行了巡察。
            截至2025年3月31日，巡察反馈的3个具体问题，已完成整改2个，阶段性完成整改1个。
            二、反馈问题整改情况
            (一)作风建设方面
            1.会风不严。
            整改结果:完成
            2.文风不实。
            整改结果:阶段性完成
            """);

        Assert.Equal(new ReportSummary(new(2025, 3, 31), 3, 2, 1, null, null), draft.Summary);
        Assert.Equal(2, draft.ItemCount);
        Assert.Equal(
            ["报告称反馈问题3个，但识别出2个问题条目，请核对。", "报告称已完成2个，但逐项状态为已完成的有1个，请核对。"],
            draft.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void Problems_labelled_问题1_keep_the_numbered_lines_under_them_as_measures()
    {
        var draft = Parse("""
            关于县委第六巡察组反馈意见整改情况的报告
            县委第六巡察组于2024年5月8日至6月30日对县审计局党组进行了常规巡察，7月22日反馈了巡察意见。
            (一)政治建设方面
            问题1：学习贯彻不深入。
            整改措施：
            1.制定年度学习计划。
            2.每季度开展一次专题研讨。
            整改结果：已完成
            问题2：意识形态责任制落实不到位。
            整改措施：
            1.修订意识形态工作责任清单；
            2.开展网络舆情培训。
            3.建立舆情台账。
            """);

        Assert.Equal([(1, 2, ItemStatus.Completed), (2, 3, (ItemStatus?)null)], draft.Aspects.Single().Items.Select(i => (i.Number, i.Measures.Count, i.Status)));
        Assert.Equal("1.修订意识形态工作责任清单", draft.Aspects.Single().Items[1].Measures[0].Text);
        Assert.Empty(draft.Warnings);
    }

    [Fact]
    public void Stated_measures_that_disagree_with_the_itemised_ones_are_a_warning()
    {
        var draft = Parse("""
            市委第一巡察组对某院党组进行了巡察。
            院党组针对反馈的2个问题，制定整改措施5条，全部落实。
            二、反馈问题整改情况
            (一)作风建设方面
            1.会风不严。
            整改措施:一是精简会议;二是严肃会纪。
            2.文风不实。
            整改措施:压缩发文。
            """);

        Assert.Equal((2, "报告称整改措施5条，但逐项识别出3条，请核对。"), (draft.Warnings.Single().Line, draft.Warnings.Single().Message));
    }

    [Fact]
    public void Lines_the_parser_cannot_place_are_warnings_with_their_line_numbers()
    {
        var draft = Parse("""
            首页 > 通知公告
            市委第二巡察组对某院党组进行了巡察。
            二、问题整改情况
            这一段不属于任何问题。
            (一)纪律建设方面
            1.公车管理不规范。
            整改结果:研究中
            整改时限:尽快
            """);

        Assert.Equal(
            [(1, "不是报告正文"), (4, "不属于任何事项"), (7, "无法识别的整改状态"), (8, "无法识别的整改时限")],
            draft.Warnings.Select(w => (w.Line, w.Message[..(w.Message.IndexOfAny(['（', '“']) is var at and > 0 ? at : w.Message.Length)])));
    }

    [Fact]
    public void A_bare_list_without_an_introduction_still_yields_its_items()
    {
        var draft = Parse("""
            (一)作风建设方面
            1.会风不严。
            2.文风不实。
            """);

        Assert.Equal(["会风不严", "文风不实"], draft.Aspects.Single().Items.Select(i => i.Title));
        Assert.Null(draft.Round.InspectingTeam);
        Assert.Equal(0, Assert.Single(draft.Warnings).Line);
    }
}

/// <summary>Words offices write for a deadline, read against the feedback date 2024年6月18日.</summary>
public class DeadlineWordsTests
{
    [Theory]
    [InlineData("2025年6月30日", "2025-06-30")]
    [InlineData("2025.6.30", "2025-06-30")]
    [InlineData("2025年12月底", "2025-12-31")]
    [InlineData("10月底前", "2024-10-31")]
    [InlineData("3月底前", "2025-03-31")]
    [InlineData("年底前", "2024-12-31")]
    [InlineData("2025年上半年", "2025-06-30")]
    [InlineData("三季度末", "2024-09-30")]
    [InlineData("3个月内", "2024-09-18")]
    [InlineData("立行立改", "2024-06-18")]
    [InlineData("长期坚持", "long-term")]
    [InlineData("二〇二五年三月三十一日", "2025-03-31")]
    public void Reads_as_a_date(string words, string expected)
    {
        var draft = ReportParser.Parse($"县委第二巡察组对某局党组进行了巡察。2024年6月18日，县委第二巡察组向某局党组反馈了巡察意见。\n(一)作风方面\n1.会风不严。\n整改时限:{words}").Draft!;

        var item = draft.Aspects.Single().Items.Single();
        Assert.Equal(expected, item.Deadline?.ToString());
        Assert.DoesNotContain(draft.Warnings, w => w.Line == 4);
    }

    [Theory]
    [InlineData("2025年2月30日", "整改时限“2025年2月30日”中的日期2025年2月30日不存在，未导入，请核对。")]
    [InlineData("13月底前", "整改时限“13月底前”中的月份不存在，未导入，请核对。")]
    [InlineData("尽快", "无法识别的整改时限“尽快”。")]
    public void Impossible_or_unknown_dates_are_warnings_on_their_line(string words, string warning)
    {
        var draft = ReportParser.Parse($"县委第二巡察组对某局党组进行了巡察。2024年6月18日，县委第二巡察组向某局党组反馈了巡察意见。\n(一)作风方面\n1.会风不严。\n整改时限:{words}").Draft!;

        Assert.Null(draft.Aspects.Single().Items.Single().Deadline);
        Assert.Equal((4, warning), (draft.Warnings.Single().Line, draft.Warnings.Single().Message));
    }
}
