using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using Ledger.Testing;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Keyword search as users type it, on the suite's database: words in measures and progress reports as well as titles and
/// descriptions, Chinese words of one, two and more characters, case and width folded, every word required, and whatever
/// wildcard or search operator a user types searched as plain text (docs/adr/0017).
/// </summary>
public sealed class KeywordSearchApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _office = factory.CreateClient();
    private readonly Ledgers _ledgers = new(factory.CreateClient());

    [Fact]
    public async Task A_word_only_in_a_measure_or_a_progress_report_is_found_by_three_two_and_one_of_its_characters()
    {
        var round = await _ledgers.RoundAsync("作风建设方面");
        var department = await _ledgers.DepartmentAsync("机关事务科" + Guid.NewGuid().ToString("N")[..4]);
        var cars = await _ledgers.ActAsync(await _ledgers.ItemAsync(round, "车辆管理不规范"), "measures", new { text = "建立健全公车使用登记制度" });
        var attendance = await StartedAsync(round, department.Id, "工作纪律松弛", null);
        await _ledgers.ActAsync(attendance, "progress", new { progress = "完成考勤系统升级改造", problems = "个别科室打卡走过场" });

        Assert.Equal(["车辆管理不规范"], await TitlesAsync(round.Id, "公车使用"));
        Assert.Equal(["车辆管理不规范"], await TitlesAsync(round.Id, "公车"));
        Assert.Equal(["工作纪律松弛"], await TitlesAsync(round.Id, "考勤系统"));
        Assert.Equal(["工作纪律松弛"], await TitlesAsync(round.Id, "考勤"));
        Assert.Equal(["工作纪律松弛"], await TitlesAsync(round.Id, "勤"));
        Assert.Equal(["工作纪律松弛"], await TitlesAsync(round.Id, "打卡走过场"));
        Assert.Empty(await TitlesAsync(round.Id, "党建"));
        Assert.Equal(cars.Id, (await TitlesAndIdsAsync(round.Id, "登记制度")).Single().Id);
    }

    [Fact]
    public async Task Measures_of_an_imported_plan_are_found_by_their_words()
    {
        var roundId = await FigureRequests.ImportAsync(
            _office, File.ReadAllBytes(RepositoryFiles.Path("tests", "corpus", "07-university-plan.txt")), "东岭大学整改方案.txt");

        Assert.Equal(["课程思政建设推进不平衡"], await TitlesAsync(roundId, "示范课程"));
        Assert.Equal(["科研经费管理存在风险"], await TitlesAsync(roundId, "智能审核"));
        Assert.Equal(["师德师风建设长效机制不健全"], await TitlesAsync(roundId, "档案"));

        // The export of the same view holds the same rows, below its title and header rows.
        using var workbook = new MemoryStream(await _office.GetByteArrayAsync($"/api/items/export?roundId={roundId}&keyword={Uri.EscapeDataString("示范课程")}"));
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: false).Cast<IDictionary<string, object?>>().Skip(2).ToList();
        Assert.StartsWith("课程思政建设推进不平衡", Assert.Single(rows)["C"]?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_title_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        var round = await _ledgers.RoundAsync("纪律建设方面");
        var item = await _ledgers.ItemAsync(round, "请销假制度执行不严");

        await (await _office.PutJsonAsync($"/api/items/{item.Id}", new { version = item.Version, aspectId = round.Aspects[0].Id, title = "公务接待超标准", description = "" }))
            .ReadAsync<ItemState>();

        Assert.Empty(await TitlesAsync(round.Id, "请销假"));
        Assert.Equal(["公务接待超标准"], await TitlesAsync(round.Id, "接待超标"));
    }

    [Fact]
    public async Task Case_and_width_are_folded_and_every_word_is_required()
    {
        var round = await _ledgers.RoundAsync("信息化建设方面");
        await _ledgers.ActAsync(await _ledgers.ItemAsync(round, "ＯＡ系统账号管理不严"), "measures", new { text = "开展Ｏａ系统安全培训" });
        await _ledgers.ItemAsync(round, "oa台账更新不及时");

        Assert.Equal(["oa台账更新不及时", "ＯＡ系统账号管理不严"], await TitlesAsync(round.Id, "OA"));
        Assert.Equal(["ＯＡ系统账号管理不严"], await TitlesAsync(round.Id, "ｏａ 安全培训"));
        Assert.Equal(["ＯＡ系统账号管理不严"], await TitlesAsync(round.Id, "安全培训\u3000账号"));
        Assert.Empty(await TitlesAsync(round.Id, "oa 党建"));
    }

    [Theory]
    [InlineData("100%以", "完成率达到100%以上")]
    [InlineData("%", "完成率达到100%以上")]
    [InlineData("a_b", "文件编号a_b1号")]
    [InlineData("_", "文件编号a_b1号")]
    [InlineData("\"重点\"", "标注\"重点\"事项")]
    [InlineData("\"", "标注\"重点\"事项")]
    [InlineData("(NEAR", "检查(NEAR OR AND)运算*符")]
    [InlineData("or and)", "检查(NEAR OR AND)运算*符")]
    [InlineData("运算*符", "检查(NEAR OR AND)运算*符")]
    [InlineData("*", "检查(NEAR OR AND)运算*符")]
    [InlineData("[方括号]", "普通事项[方括号]\\反斜杠")]
    [InlineData("[", "普通事项[方括号]\\反斜杠")]
    [InlineData("]\\反", "普通事项[方括号]\\反斜杠")]
    [InlineData("NOT", null)]
    [InlineData("\"\"", null)]
    [InlineData("' OR 1=1 --", null)]
    public async Task Wildcards_and_search_operators_a_user_types_are_searched_as_text(string keyword, string? found)
    {
        var round = await RoundOfAsync(
            "完成率达到100%以上", "完成率达到1000以上", "文件编号a_b1号", "文件编号axb1号", "标注\"重点\"事项", "检查(NEAR OR AND)运算*符", "普通事项[方括号]\\反斜杠");

        Assert.Equal(found is null ? [] : [found], await TitlesAsync(round, keyword));
    }

    [Fact]
    public async Task A_keyword_with_overdue_comes_by_deadline_and_a_department_head_never_finds_another_departments_items()
    {
        var round = await _ledgers.RoundAsync("财务管理方面");
        var mine = await _ledgers.DepartmentAsync("财务科" + Guid.NewGuid().ToString("N")[..4]);
        var theirs = await _ledgers.DepartmentAsync("审计科" + Guid.NewGuid().ToString("N")[..4]);
        var later = await StartedAsync(round, mine.Id, "票据管理混乱", "2025-01-10");
        await _ledgers.ActAsync(later, "measures", new { text = "清理往来款项" });
        await StartedAsync(round, mine.Id, "往来款项长期挂账", "2025-01-03");
        await StartedAsync(round, mine.Id, "往来款项未对账", "2025-03-01");
        var hidden = await StartedAsync(round, theirs.Id, "预算执行偏差", "2025-01-02");
        await _ledgers.ActAsync(hidden, "measures", new { text = "清理往来款项" });

        var overdue = await _office.GetFromJsonAsync<PagedResult<ItemListDto>>(
            $"/api/items?roundId={round.Id}&keyword={Uri.EscapeDataString("往来款项")}&overdue=true&sort=Deadline", LedgerApiFactory.Json);
        Assert.Equal(["预算执行偏差", "往来款项长期挂账", "票据管理混乱"], overdue!.Items.Select(i => i.Title));

        var head = factory.ClientFor(Roles.DepartmentHead, mine.Id);
        foreach (var keyword in new[] { "往来款项", "往来", "预算执行", "预算" })
        {
            var page = await head.GetFromJsonAsync<PagedResult<ItemListDto>>(
                $"/api/items?roundId={round.Id}&keyword={Uri.EscapeDataString(keyword)}", LedgerApiFactory.Json);
            Assert.DoesNotContain(page!.Items, i => i.Title == "预算执行偏差");
            Assert.Equal(page.Items.Count, page.TotalCount);
        }
    }

    private async Task<ItemState> StartedAsync(RoundDto round, Guid departmentId, string title, string? due)
    {
        var item = await _ledgers.ItemAsync(round, title);
        item = await (await _office.PutJsonAsync($"/api/items/{item.Id}/assignment", new { version = item.Version, leadDepartmentId = departmentId, dueDate = due }))
            .ReadAsync<ItemState>();
        return await _ledgers.ActAsync(item, "start");
    }

    private async Task<Guid> RoundOfAsync(params string[] titles)
    {
        var round = await _ledgers.RoundAsync("专项检查方面");
        foreach (var title in titles)
        {
            await _ledgers.ItemAsync(round, title);
        }

        return round.Id;
    }

    private async Task<IReadOnlyList<ItemListDto>> TitlesAndIdsAsync(Guid roundId, string keyword)
    {
        var response = await _office.GetAsync($"/api/items?roundId={roundId}&keyword={Uri.EscapeDataString(keyword)}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<PagedResult<ItemListDto>>(LedgerApiFactory.Json);
        return page!.Items;
    }

    private async Task<string[]> TitlesAsync(Guid roundId, string keyword) =>
        [.. (await TitlesAndIdsAsync(roundId, keyword)).Select(i => i.Title).Order(StringComparer.Ordinal)];
}
