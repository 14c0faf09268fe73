using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Application.Rounds;

namespace Ledger.Web.Tests.Api;

/// <summary>The round's short name tags items wherever lists span rounds: 2024年三巡·第1项 and 惠济四巡·第1项 differ.</summary>
public sealed class RoundTagApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private static readonly string[] Aspects = ["政治建设方面"];

    private readonly HttpClient _office = factory.CreateClient();

    [Fact]
    public async Task Items_of_two_rounds_carry_their_rounds_short_names_and_the_offices_list_keeps_each_rounds_items_together()
    {
        var ledgers = new Ledgers(_office);
        var third = await ledgers.RoundAsync();
        var fourth = await RoundAsync("市委提级巡察第四组", "惠济四巡");
        Assert.Equal(("2024年三巡", null), (third.TagName, third.ShortName));
        Assert.Equal(("惠济四巡", "惠济四巡"), (fourth.TagName, fourth.ShortName));

        // Created alternately, so only an order by round can bring each round's items together.
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            ids.Add((await ledgers.ItemAsync(third, $"三巡问题{i + 1}")).Id);
            ids.Add((await ledgers.ItemAsync(fourth, $"四巡问题{i + 1}")).Id);
        }

        var work = await (await _office.GetAsync("/api/my-work")).ReadAsync<MyWorkDto>();
        var unassigned = work.Groups.Single(g => g.Kind == MyWorkKind.Unassigned).Items.Where(i => ids.Contains(i.Id)).ToList();
        Assert.Equal(
            ["2024年三巡·第1项", "2024年三巡·第2项", "惠济四巡·第1项", "惠济四巡·第2项"],
            unassigned.Select(i => i.RoundTag).Order(StringComparer.Ordinal));
        var rounds = unassigned.Select(i => i.RoundName).ToList();
        Assert.Equal(2, rounds.Where((name, at) => at == 0 || rounds[at - 1] != name).Count());
        Assert.Equal(unassigned.OrderBy(i => i.RoundName, StringComparer.Ordinal).ThenBy(i => i.Number).Select(i => i.Id), unassigned.Select(i => i.Id));

        var ledger = await (await _office.GetAsync($"/api/items?roundId={fourth.Id}")).ReadAsync<PagedResult<ItemListDto>>();
        Assert.All(ledger.Items, i => Assert.StartsWith("惠济四巡·第", i.RoundTag, StringComparison.Ordinal));
        var detail = await ledgers.DetailAsync(ids[0]);
        Assert.Equal("2024年三巡·第1项", detail.Item.RoundTag);
    }

    [Fact]
    public async Task The_office_renames_a_rounds_short_name_and_blank_brings_back_the_default_while_an_overlong_one_is_refused()
    {
        var ledgers = new Ledgers(_office);
        var round = await ledgers.RoundAsync();
        var item = await ledgers.ItemAsync(round, "台账不规范");

        round = await UpdateAsync(round, "某区院三巡");
        Assert.Equal("某区院三巡·第1项", (await ledgers.DetailAsync(item.Id)).Item.RoundTag);

        round = await UpdateAsync(round, "  ");
        Assert.Equal(("2024年三巡", null), (round.TagName, round.ShortName));

        var problem = await (await _office.PutJsonAsync($"/api/rounds/{round.Id}", Body(round, new string('巡', 21)))).ProblemAsync(400);
        Assert.Contains("简称不能超过20个字", problem.GetProperty("errors").GetProperty("shortName")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<RoundDto> RoundAsync(string team, string? shortName)
    {
        var saved = await (await _office.PostJsonAsync("/api/rounds", new
        {
            inspectingTeam = team,
            inspectedUnit = "惠济区人民检察院党组",
            inspectionStart = "2023-11-10",
            feedbackDate = "2024-03-01",
            aspects = Aspects,
            shortName,
        })).ReadAsync<Saved>();
        return await (await _office.GetAsync($"/api/rounds/{saved.Id}")).ReadAsync<RoundDto>();
    }

    private async Task<RoundDto> UpdateAsync(RoundDto round, string shortName)
    {
        await (await _office.PutJsonAsync($"/api/rounds/{round.Id}", Body(round, shortName))).ReadAsync<Saved>();
        return await (await _office.GetAsync($"/api/rounds/{round.Id}")).ReadAsync<RoundDto>();
    }

    private static object Body(RoundDto round, string shortName) => new
    {
        version = round.Version,
        inspectingTeam = round.InspectingTeam,
        inspectedUnit = round.InspectedUnit,
        inspectionStart = round.InspectionStart,
        inspectionEnd = round.InspectionEnd,
        feedbackDate = round.FeedbackDate,
        rectificationPeriodEnd = round.RectificationPeriodEnd,
        shortName,
    };
}
