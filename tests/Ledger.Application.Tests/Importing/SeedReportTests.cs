using Ledger.Application.Importing;
using Ledger.Domain.Items;
using Ledger.Testing;

namespace Ledger.Application.Tests.Importing;

/// <summary>
/// The three seed reports, with what a reader finds in them: the expected figures below were worked
/// out from the texts (measure counts by counting 一是/二是… and (1)(2)… in each 整改情况).
/// </summary>
public class SeedReportTests
{
    internal static ReportDraft Parse(string file)
    {
        var result = ReportParser.Parse(File.ReadAllText(RepositoryFiles.Seed(file)));
        Assert.Null(result.Error);
        return result.Draft!;
    }

    private static IEnumerable<ItemDraft> Items(ReportDraft draft) => draft.Aspects.SelectMany(a => a.Items);

    [Fact]
    public void Huiji_report_of_2024()
    {
        var draft = Parse("000_a214ae62bcaa29c6.txt");

        Assert.Equal(
            new RoundDraft("市委提级巡察第四组", "郑州市惠济区人民检察院党组", new(2023, 11, 10), new(2024, 1, 8), new(2024, 3, 1), new(2024, 7, 8)),
            draft.Round);
        Assert.Equal(
            [
                "全面加强政治建设,着力筑牢政治忠诚方面", "全面加强纪律建设,持续强化严的基调方面", "全面加强作风建设,深化顽瘴痼疾整治方面",
                "全面加强组织建设,大力推进素质强警方面", "全面学习宣传贯彻党的二十大精神,推动政法事业高质量发展方面",
                "全面压实整改责任链条,推进巡察、审计整改和成果运用方面",
            ],
            draft.Aspects.Select(a => a.Title));
        Assert.Equal([1, 2, 3, 4, 5, 6], draft.Aspects.Select(a => a.Number));
        Assert.Equal([4, 3, 4, 5, 2, 1], draft.Aspects.Select(a => a.Items.Count));
        Assert.Equal(Enumerable.Range(1, 19), Items(draft).Select(i => i.Number));
        Assert.All(Items(draft), i => Assert.Equal(ItemStatus.Completed, i.Status));
        Assert.Equal([3, 2, 3, 3, 4, 3, 2, 3, 4, 4, 3, 2, 2, 3, 1, 4, 2, 4, 3], Items(draft).Select(i => i.Measures.Count));

        var first = Items(draft).First();
        Assert.Equal("理论学习“走形不走心”,在深学笃行上存在不足", first.Title);
        Assert.Contains("随机抽取20名干警", first.Description, StringComparison.Ordinal);
        Assert.StartsWith("一是强化政治理论学习", first.Measures[0].Text, StringComparison.Ordinal);
        Assert.Equal("落实意识形态责任制不到位", Items(draft).Single(i => i.Number == 4).Title);
        Assert.Equal("2023年新招录的8名事业编干警,经院党组研究,3名干警分配至办公室、政治部等综合部门工作。", Items(draft).Single(i => i.Number == 15).Measures[0].Text);
        Assert.Null(draft.Summary);
        Assert.Empty(draft.Warnings);
    }

    [Fact]
    public void Dongguan_rectification_plan_form()
    {
        var draft = Parse("001_73f4c097e75b81dc.txt");

        Assert.Equal(
            new RoundDraft("市委第三巡察组", "中共东莞市人民检察院党组", new(2023, 3, 6), new(2023, 5, 31), new(2023, 7, 25), new(2024, 2, 2)),
            draft.Round);
        Assert.Equal([5, 5, 4, 3, 2], draft.Aspects.Select(a => a.Items.Count));
        Assert.Equal("关于充分发挥党组领导作用,贯彻落实上级重大决策部署方面", draft.Aspects[0].Title);
        Assert.Equal("关于抓实巡视、审计反馈问题长效常治方面", draft.Aspects[4].Title);
        Assert.Equal(Enumerable.Range(1, 19), Items(draft).Select(i => i.Number));
        Assert.Equal(
            ["落实上级重大决策部署不到位", "服务保障大湾区建设主动性不足", "执行议事规则不严格", "落实意识形态工作责任制仍存不足"],
            Items(draft).Take(4).Select(i => i.Title));
        Assert.Equal("推动‘数字检察’工作力度不够、成效不明显", Items(draft).Single(i => i.Number == 10).Title);
        Assert.Equal("干部轮岗交流执行不到位问题整改不实", Items(draft).Single(i => i.Number == 18).Title);

        // The plan states no status per item; the text after the title is what was done.
        Assert.All(Items(draft), i => Assert.Null(i.Status));
        Assert.Equal([2, 3, 2, 1, 2, 3, 3, 1, 3, 3, 4, 4, 3, 4, 3, 2, 3, 1, 1], Items(draft).Select(i => i.Measures.Count));
        Assert.StartsWith("认真履行市检察院党组对意识形态工作的全面领导责任", Items(draft).Single(i => i.Number == 4).Measures[0].Text, StringComparison.Ordinal);

        // The site's copyright line after the signature is chrome.
        var warning = Assert.Single(draft.Warnings);
        Assert.Equal(39, warning.Line);
    }

    [Fact]
    public void Changsha_progress_report_inside_a_web_page()
    {
        var draft = Parse("002_bc7ac9455876ebe8.txt");

        // The site replaced the unit's name with its own ("腾博会"); the parser keeps what the text says.
        Assert.Equal(
            new RoundDraft("市委第三巡察组", "腾博会 党组", new(2024, 3, 7), new(2024, 5, 10), new(2024, 7, 18), new(2025, 1, 16)),
            draft.Round);
        Assert.Equal(new ReportSummary(new(2025, 1, 16), 40, 24, 16, 4, 20), draft.Summary);
        Assert.Equal(
            ["各项整改留有尾巴方面", "贯彻落实党的理论路线方针政策和上级决策部署有差距方面", "群众反映的突出问题和不正之风依然存在", "党的领导和党的建设不够有力方面"],
            draft.Aspects.Select(a => a.Title));
        Assert.Equal([4, 11, 14, 11], draft.Aspects.Select(a => a.Items.Count));
        Assert.Equal(Enumerable.Range(1, 40), Items(draft).Select(i => i.Number));
        Assert.Equal(
            [1, 2, 5, 2, 3, 8, 3, 4, 3, 4, 4, 3, 4, 3, 4, 3, 2, 3, 3, 5, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 3, 6, 3, 1, 1, 1, 1, 3, 5],
            Items(draft).Select(i => i.Measures.Count));

        var items = Items(draft).ToDictionary(i => i.Number);
        Assert.Equal("上一轮巡察整改遗留问题", items[1].Title);
        Assert.Equal("上一轮巡察整改个别问题未整改到位。", items[1].Description);
        Assert.Equal("省检察院审计未整改问题", items[2].Title);
        Assert.StartsWith("省检察院审计指出2个历史遗留问题", items[2].Description, StringComparison.Ordinal);
        Assert.Equal("存在‘重业务、轻政治’现象", items[5].Title);
        Assert.Equal("六个纳入执行不到位", items[15].Title);
        Assert.Equal("机关作风有待改进", items[40].Title);
        Assert.All(items.Values, i => Assert.Null(i.Status));

        var lines = draft.Warnings.Select(w => w.Line).ToList();
        Assert.Equal([0, 0, 1, 3, 4, 8, 47, 51, 55, 84], lines);
        Assert.Contains("已完成24个、阶段性完成16个", draft.Warnings[0].Message, StringComparison.Ordinal);

        // The unit the page put in the title, introduction and signature is not the one the text itself calls 市检察院.
        Assert.Equal(
            "正文36次以“市检察院”称呼被巡察单位，但标题、概况段落和落款中的单位名称是“腾博会 党组”，与之不符（网页转载时可能被替换），请核对被巡察单位。",
            draft.Warnings[1].Message);
        Assert.Contains("网站无障碍", draft.Warnings[3].Message, StringComparison.Ordinal);
        Assert.All(draft.Warnings.Where(w => w.Line >= 47), w => Assert.Contains("引号", w.Message, StringComparison.Ordinal));
    }
}
