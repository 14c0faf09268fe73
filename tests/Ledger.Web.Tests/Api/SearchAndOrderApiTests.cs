using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Application.Organisation;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// What every database must answer alike: keyword search folding case and width, names in pinyin order, and the longest
/// text the forms allow kept whole (PostgreSQL and SQL Server refuse what does not fit a column; SQLite keeps it all).
/// </summary>
public sealed class SearchAndOrderApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly Ledgers _ledgers = new(factory.CreateClient());

    [Fact]
    public async Task A_keyword_finds_titles_and_descriptions_whatever_their_case_and_width()
    {
        var round = await _ledgers.RoundAsync("信息化建设方面");
        await _ledgers.ItemAsync(round, "ＯＡ系统账号管理不严");
        await _ledgers.ItemAsync(round, "Oa台账更新不及时");
        await _ledgers.ItemAsync(round, "档案数字化滞后");

        Assert.Equal(["Oa台账更新不及时", "ＯＡ系统账号管理不严"], await TitlesAsync(round.Id, "oa"));
        Assert.Equal(["Oa台账更新不及时", "ＯＡ系统账号管理不严"], await TitlesAsync(round.Id, "ＯＡ"));
        Assert.Equal(["档案数字化滞后"], await TitlesAsync(round.Id, "数字化"));
        Assert.Equal(3, (await TitlesAsync(round.Id, "以会代学")).Length);
    }

    [Fact]
    public async Task Departments_and_people_are_listed_in_pinyin_order()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { "张", "安", "王", "李" })
        {
            var department = await _ledgers.DepartmentAsync($"{name}部门{suffix}");
            await _ledgers.PersonAsync($"{name}{suffix}", department.Id);
        }

        var departments = await _client.GetFromJsonAsync<List<DepartmentDto>>("/api/departments", LedgerApiFactory.Json);
        var people = await _client.GetFromJsonAsync<List<PersonDto>>("/api/people", LedgerApiFactory.Json);

        Assert.Equal(["安", "李", "王", "张"], departments!.Where(d => d.Name.EndsWith(suffix, StringComparison.Ordinal)).Select(d => d.Name[..1]));
        Assert.Equal(["安", "李", "王", "张"], people!.Where(p => p.Name.EndsWith(suffix, StringComparison.Ordinal)).Select(p => p.Name[..1]));
    }

    [Fact]
    public async Task The_longest_title_and_description_allowed_are_kept_whole_through_an_edit_and_its_history()
    {
        var round = await _ledgers.RoundAsync("长文本方面");
        var item = await _ledgers.ItemAsync(round, new string('甲', 500));
        var title = new string('乙', 500);
        var description = new string('丙', 20_000);

        var edited = await (await _client.PutJsonAsync($"/api/items/{item.Id}", new { version = item.Version, aspectId = round.Aspects[0].Id, title, description }))
            .ReadAsync<ItemState>();

        var detail = await _client.GetFromJsonAsync<ItemDetailDto>($"/api/items/{edited.Id}", LedgerApiFactory.Json);
        Assert.Equal((title, description), (detail!.Item.Title, detail.Description));
        Assert.Contains(detail.History, h => h.To == $"{title}|{description}");
    }

    private async Task<string[]> TitlesAsync(Guid roundId, string keyword)
    {
        var page = await _client.GetFromJsonAsync<PagedResult<ItemListDto>>(
            $"/api/items?roundId={roundId}&keyword={Uri.EscapeDataString(keyword)}", LedgerApiFactory.Json);
        return [.. page!.Items.Select(i => i.Title).Order(StringComparer.Ordinal)];
    }
}
