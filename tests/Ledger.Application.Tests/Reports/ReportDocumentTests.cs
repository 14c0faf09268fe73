using Ledger.Application.Importing;
using Ledger.Application.Reports;
using Ledger.Domain.Items;
using Ledger.Testing;

namespace Ledger.Application.Tests.Reports;

public class ReportDocumentTests
{
    private const string HuijiSeed = "000_a214ae62bcaa29c6.txt";

    /// <summary>
    /// Parts of the Huiji report (seed 000) as a composer would hand them over: every text copied from
    /// the seed, with the full-width punctuation of the published document (the seed's text was
    /// folded to half-width when it was scraped). The seed lost its title; this one is made up.
    /// </summary>
    internal static ReportDocument Huiji() => new(
        "中共郑州市惠济区人民检察院党组关于市委提级巡察第四组反馈意见整改情况的通报",
        [
                new ReportParagraph("根据市委统一部署，2023年11月10日至2024年1月8日，市委提级巡察第四组对郑州市惠济区人民检察院党组进行了巡察。2024年3月1日，市委提级巡察第四组向惠济区检察院党组反馈了巡察意见。经3个月集中整改和《郑州市委巡察整改情况公开办法》有关规定，现将巡察整改情况予以公布。"),
                new PartHeading(1, "党组及主要负责人组织整改落实情况"),
                new ReportParagraph("院党组坚持把巡察整改作为重大政治任务来抓，以上率下、全员参与，以从严治党的政治自觉和强烈的责任担当，全面履行主体责任，深入对照检查，采取有力措施，全面落实整改工作要求，切实将各项整改任务落实到位。"),
                new ReportParagraph("巡察意见反馈后，第一时间召开院党组会议研究部署整改工作，并迅速成立了整改工作领导小组，由党组书记、检察长任组长，其他党组成员任副组长，各部门负责同志任成员。院党组认真学习贯彻习近平总书记关于巡视工作重要讲话精神，紧紧围绕市委提级巡察第四组工作要求，持续抓好市委提级巡察反馈意见的整改落实，共召开院党组会研究巡察整改工作2次，召开领导小组办公室会议调度推进5次，真正做到层层压实责任，有序推进整改。", ParagraphLead.Point(1, "强化组织领导，全面统筹实施。")),
                new ReportParagraph("院党组认真研究巡察整改反馈意见，制定了《关于市委提级巡察第四组反馈意见整改落实方案》，明确了整改的指导思想、整改步骤、整改内容和具体要求，同时建立整改清单和销号台账，明确责任领导、责任部门、整改时限及整改措施，形成纵向到底、横向到边、齐抓共管的责任机制和工作格局。3月29日，院党组召开巡察整改专题民主生活会，邀请市检察院、区纪委监委、区委组织部、区委政法委、区委巡察办相关负责同志列席指导，党组成员在会上主动认领问题并深刻剖析根源，提出努力方向和整改举措，确保将巡察反馈问题全部整改落实到位。", ParagraphLead.Point(2, "细化整改清单，统筹推进落实。")),
                new PartHeading(2, "巡察反馈问题整改情况"),
                new AspectHeading(5, "全面学习宣传贯彻党的二十大精神，推动政法事业高质量发展方面"),
                new ReportParagraph("通过查阅中心组学习和党支部学习会议记录，党组落实“第一议题”制度有差距，仅限于读文件材料等简单传达，缺乏结合工作实际进行交流思考。对各支部组织学习督促不够，检查较少，贯彻落实会议精神不够深入和彻底。", ParagraphLead.Item(17, "学习领会二十大精神不深不透。")),
                new ReportParagraph("完成", ParagraphLead.Label("整改结果：")),
                new ReportParagraph("一是党组书记发挥头雁领航作用，坚持读原著、学原文，深入学习领会党的二十大精神，带头落实“第一议题”制度，班子成员轮流进行研讨交流发言。二是针对2024年1-5月份“三会一课”会议开展专项督察，通过开展应知应会知识随机提问等形式检验学习教育成果。", ParagraphLead.Label("整改情况：")),
                new ReportParagraph("深入推进“三零”平安创建、创造性践行新时代“枫桥经验”“浦江经验”工作还不够有力。探索推进在辖区王砦村“零酒驾”“零高空抛物”示范村创建过程中，后续跟进缺乏有力措施，创建效果未达到预期；在解决信访问题、探索推进“检调对接”制度适用过程中，与基层民调组织衔接不够。", ParagraphLead.Item(18, "深化落实平安郑州建设有差距。")),
                new ReportParagraph("完成", ParagraphLead.Label("整改结果：")),
                new ReportParagraph("一是深化支部联建，依托平安建设融合党建引领网格化基层治理机制，探索推进“检调对接”制度，在花园口镇设置工作室，建立城市运营管理中心、网格化管理员、人民调解员“三联”模式，借助社会力量“人熟、地熟、情况熟”的优势，聘请18名涉法涉诉信访矛盾调解员，通过组织召开调解会等方式，引导群众依法理性表达诉求，就地化解矛盾纠纷。加强检察机关与基层民调组织的紧密合作，全面推进基层矛盾纠纷预防化解工作，着力解决群众急难愁盼。二是加强法治宣传，深入开展酒驾新规宣传教育，与公安交管部门联合推进“零酒驾”社区创建。三是浓厚创建氛围，在社区业主微信群发布高空抛物、坠物的行为危害，督促物业管理部门开展日常排查防范高空抛物坠物风险隐患。四是加强新闻媒体宣传，总结经验撰写的《构建“检社联动”机制助推“零酒驾”“零高空抛物”社区创建》在“郑州政法”微信公众号、“大象新闻”客户端发布，《创建“零酒驾”“零高空抛物”社区》在《河南法制报》刊发。", ParagraphLead.Label("整改情况：")),
                new AspectHeading(6, "全面压实整改责任链条，推进巡察、审计整改和成果运用方面"),
                new ReportParagraph("整改责任压得不实，“重加油轻挂挡”。党组对意识形态工作重视不足，责任压力传导不到各部门，对相关部门发生的问题失管失察。", ParagraphLead.Item(19, "党组对巡察整改和成果运用重视不够，真改实改、全面整改不到位。")),
                new ReportParagraph("完成", ParagraphLead.Label("整改结果：")),
                new ReportParagraph("一是成立市委提级巡察第四组反馈意见巡察整改工作领导小组及办公室，由党组书记、检察长任组长，压实整改主体责任。二是召开巡察整改工作推进会5次，确保巡察整改工作按照时间节点有序开展。三是院党组听取第一季度意识形态工作汇报，针对发现的倾向性苗头性问题，督促整改到位。", ParagraphLead.Label("整改情况：")),
                new PartHeading(3, "下一步工作安排"),
                new ReportParagraph("惠济区检察院将继续严格贯彻落实市委提级巡察第四组对巡察整改工作的要求，进一步增强政治意识和责任意识，强化工作措施，完善工作机制，坚持目标不变、标准不降、力度不减，切实巩固和深化巡察反馈问题整改成果。"),
                new ReportParagraph("坚持一切工作“从政治上看”，强化全面从严治党主体责任，切实增强对政治理论学习重要性的认识和学习自觉，深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神，以高度的政治自觉、法治自觉和检察自觉，在推动巡察整改上持续用力，确保整改全面深入、彻底到位。", ParagraphLead.Point(1, "进一步强化政治担当，切实加强党的领导。")),
                new ReportParagraph("欢迎广大干部群众对巡察整改落实情况进行监督。如有意见和建议，请及时向我们反映。"),
                new ReportParagraph("联系电话：0371-67151923；"),
        ],
        "中共郑州市惠济区人民检察院党组",
        new DateOnly(2024, 7, 8));

    [Fact]
    public void Plain_text_is_one_paragraph_per_line_from_title_to_date()
    {
        var report = new ReportDocument(
            "关于巡察整改进展情况的通报",
            [
                new ReportParagraph("按照市委的统一部署，现将巡察整改情况予以公布。"),
                new PartHeading(1, "组织整改落实情况"),
                new ReportParagraph("成立领导小组。", ParagraphLead.Point(1, "强化组织领导，全面压实责任。")),
                new ReportParagraph("截至2025年1月16日，巡察反馈的40个具体问题，已完成整改24个，阶段性完成整改16个。"),
                new PartHeading(2, "巡察反馈问题整改进展情况"),
                new AspectHeading(1, "各项整改留有尾巴方面"),
                new ReportParagraph("上一轮巡察整改个别问题未整改到位。", ParagraphLead.Item(1, "关于“上一轮巡察整改遗留问题”的问题。")),
                new ReportParagraph("完成", ParagraphLead.Label("整改结果：")),
                new ReportParagraph("（1）形成自查自纠情况报告3份。（2）组织开展采购人员专业培训。", ParagraphLead.Label("整改完成情况：")),
                new PartHeading(3, "继续深化后续整改"),
                new ReportParagraph("深学笃用习近平新时代中国特色社会主义思想。", ParagraphLead.Ordinal(1, "在强化政治建设上下功夫。")),
                new ReportParagraph(string.Empty, ParagraphLead.Ordinal(2, "在抓好持续整改上下功夫。")),
            ],
            "中共长沙市人民检察院党组",
            new DateOnly(2025, 1, 6));

        Assert.Equal(
            """
            关于巡察整改进展情况的通报
            按照市委的统一部署，现将巡察整改情况予以公布。
            一、组织整改落实情况
            （一）强化组织领导，全面压实责任。成立领导小组。
            截至2025年1月16日，巡察反馈的40个具体问题，已完成整改24个，阶段性完成整改16个。
            二、巡察反馈问题整改进展情况
            （一）各项整改留有尾巴方面
            1.关于“上一轮巡察整改遗留问题”的问题。上一轮巡察整改个别问题未整改到位。
            整改结果：完成
            整改完成情况：（1）形成自查自纠情况报告3份。（2）组织开展采购人员专业培训。
            三、继续深化后续整改
            一是在强化政治建设上下功夫。深学笃用习近平新时代中国特色社会主义思想。
            二是在抓好持续整改上下功夫。
            中共长沙市人民检察院党组
            2025年1月6日

            """,
            report.ToPlainText());
        Assert.Equal(report.ToPlainText(), string.Join('\n', report.Lines) + "\n");
    }

    [Fact]
    public void Every_line_of_a_report_built_from_the_Huiji_seed_is_the_seeds_line_in_the_seeds_order()
    {
        var seed = File.ReadAllLines(RepositoryFiles.Seed(HuijiSeed));
        var report = Huiji();

        // The seed is the published text folded to half-width punctuation; fold ours the same way.
        // Skip the title, which the scraped page lost.
        var next = 0;
        foreach (var line in report.Lines.Skip(1).Select(ChineseText.Normalize))
        {
            var found = Array.IndexOf(seed, line, next);
            Assert.True(found >= 0, $"Not in the seed after its line {next}: {line}");
            next = found + 1;
        }

        Assert.Equal(seed.Length, next);
    }

    [Fact]
    public void The_importer_reads_the_plain_text_back_into_the_same_aspects_items_statuses_and_measures()
    {
        var result = ReportParser.Parse(Huiji().ToPlainText());

        var draft = Assert.IsType<ReportDraft>(result.Draft);
        Assert.Equal(
            new RoundDraft("市委提级巡察第四组", "郑州市惠济区人民检察院党组", new(2023, 11, 10), new(2024, 1, 8), new(2024, 3, 1), new(2024, 7, 8)),
            draft.Round);
        Assert.Equal([5, 6], draft.Aspects.Select(a => a.Number));
        Assert.Equal(
            ["全面学习宣传贯彻党的二十大精神,推动政法事业高质量发展方面", "全面压实整改责任链条,推进巡察、审计整改和成果运用方面"],
            draft.Aspects.Select(a => a.Title));
        var items = draft.Aspects.SelectMany(a => a.Items).ToList();
        Assert.Equal([17, 18, 19], items.Select(i => i.Number));
        Assert.Equal("学习领会二十大精神不深不透", items[0].Title);
        Assert.All(items, i => Assert.Equal(ItemStatus.Completed, i.Status));
        Assert.Equal([2, 4, 3], items.Select(i => i.Measures.Count));

        // The title before the paragraph naming the inspection is read as the title (its unit agrees with the signature), not skipped as chrome.
        Assert.Empty(draft.Warnings);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(99, "九十九")]
    public void Chinese_numbering_is_written_as_documents_write_it(int number, string numeral)
    {
        Assert.Equal($"{numeral}、结语", new PartHeading(number, "结语").Line);
        Assert.Equal($"（{numeral}）其他方面", new AspectHeading(number, "其他方面").Line);
        Assert.Equal($"（{numeral}）要点。", ParagraphLead.Point(number, "要点。").Line);
        Assert.Equal($"{numeral}是加强学习。", ParagraphLead.Ordinal(number, "加强学习。").Line);
    }

    [Fact]
    public void Every_chinese_numeral_reads_back_as_its_number_in_the_importer()
    {
        Assert.Equal(
            Enumerable.Range(1, 99).Select(n => (int?)n),
            Enumerable.Range(1, 99).Select(n => ChineseText.ParseNumeral(ChineseNumerals.Format(n))));
    }

    [Fact]
    public void Items_keep_the_number_the_ledger_gives_them()
    {
        Assert.Equal("40.关于“机关作风有待改进”的问题。部分中层干部不愿干事。", new ReportParagraph("部分中层干部不愿干事。", ParagraphLead.Item(40, "关于“机关作风有待改进”的问题。")).Line);
        Assert.Equal("120.问题。", new ReportParagraph(string.Empty, ParagraphLead.Item(120, "问题。")).Line);
    }

    [Theory]
    [InlineData("第一行\n第二行")]
    [InlineData("第一行\r\n第二行")]
    [InlineData("第一行\r")]
    [InlineData("制表\t符")]
    [InlineData("行\u2028分隔")]
    [InlineData("段\u2029分隔")]
    [InlineData("\uffff")]
    public void Text_that_cannot_stay_one_paragraph_on_one_line_is_refused_wherever_it_is_given(string text)
    {
        var block = new ReportParagraph("正文。");
        Assert.Throws<ArgumentException>(() => new ReportParagraph(text));
        Assert.Throws<ArgumentException>(() => new ReportParagraph("正文。", ParagraphLead.Label(text)));
        Assert.Throws<ArgumentException>(() => new PartHeading(1, text));
        Assert.Throws<ArgumentException>(() => new AspectHeading(1, text));
        Assert.Throws<ArgumentException>(() => new ReportDocument(text, [block], "党组", new DateOnly(2025, 1, 16)));
        Assert.Throws<ArgumentException>(() => new ReportDocument("通报", [block], text, new DateOnly(2025, 1, 16)));
    }

    [Fact]
    public void Half_a_surrogate_pair_is_refused_because_no_document_can_store_it()
    {
        // Built here rather than in [InlineData]: xUnit's serialisation would turn it into U+FFFD.
        var text = "半个代理对" + '\ud800';

        var refused = Assert.Throws<ArgumentException>(() => new ReportParagraph(text));
        Assert.Equal("Text", refused.ParamName);
    }

    [Fact]
    public void Numbers_outside_their_numbering_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartHeading(0, "结语"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AspectHeading(100, "其他方面"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParagraphLead.Point(100, "要点。"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParagraphLead.Ordinal(-1, "加强学习。"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParagraphLead.Item(0, "问题。"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParagraphLead(LeadNumbering.None, 3, "整改情况："));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParagraphLead((LeadNumbering)9, 1, "要点。"));
    }

    [Fact]
    public void Empty_text_is_refused_unless_a_lead_opens_the_paragraph()
    {
        Assert.Throws<ArgumentException>(() => new ReportParagraph(" "));
        Assert.Throws<ArgumentException>(() => new ReportParagraph("正文。", ParagraphLead.Label(string.Empty)));
        Assert.Throws<ArgumentException>(() => new PartHeading(1, string.Empty));
        Assert.Throws<ArgumentException>(() => new ReportDocument("通报", [], "党组", new DateOnly(2025, 1, 16)));
        Assert.Throws<ArgumentException>(() => new ReportDocument("通报", [null!], "党组", new DateOnly(2025, 1, 16)));
        Assert.Equal("整改结果：", new ReportParagraph(string.Empty, ParagraphLead.Label("整改结果：")).Line);
    }

    [Fact]
    public void Later_changes_to_the_callers_list_do_not_reach_a_built_report()
    {
        var body = new List<ReportBlock> { new ReportParagraph("第一段。") };
        var report = new ReportDocument("通报", body, "党组", new DateOnly(2025, 1, 16));

        body.Add(new ReportParagraph("第二段。"));

        Assert.Equal(["通报", "第一段。", "党组", "2025年1月16日"], report.Lines);
        Assert.Single(report.Body);
    }
}
