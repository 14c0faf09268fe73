using System.Net.Http.Json;
using AngleSharp.Dom;
using Bunit;
using Ledger.Application.Common.Security;
using Ledger.Application.Rounds;
using Ledger.Web.Components.Pages;
using MudBlazor;

namespace Ledger.Web.Tests.Components;

/// <summary>Creating and editing rounds on the rounds page, through the real UI sender into the real host on SQLite.</summary>
public sealed class RoundFormTests(LedgerApiFactory host) : HostedPageContext(host), IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _api = host.CreateClient();

    [Fact]
    public async Task The_office_creates_a_round_with_its_dates_and_aspects_and_finds_it_listed()
    {
        await SignInAsync(Roles.Office);
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<Rounds>();

        page.WaitForElement("[data-testid=create-round]").Click();
        dialogs.WaitForElement("input[data-testid=round-team-field]").Change("市委第七巡察组");
        dialogs.Find("input[data-testid=round-unit-field]").Change("新建区人民检察院党组");
        DateField(dialogs, "反馈日期").Change("2024年7月18日");
        DateField(dialogs, "集中整改期限").Change("2024年10月18日");
        dialogs.Find("textarea[data-testid=round-aspects-field]").Change("（一）政治建设方面\n（二）作风建设方面\n");
        dialogs.Find("form[data-testid=round-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=rounds] tbody tr"), r => r.TextContent.Contains("新建区人民检察院党组", StringComparison.Ordinal)));
        Assert.Contains("已新建巡察轮次：市委第七巡察组巡察新建区人民检察院党组。", snackbars.Markup, StringComparison.Ordinal);
        var round = await RoundAsync("新建区人民检察院党组");
        Assert.Equal(("市委第七巡察组", new DateOnly(2024, 7, 18), new DateOnly(2024, 10, 18)), (round.InspectingTeam, round.FeedbackDate, round.RectificationPeriodEnd));
        Assert.Equal(["（一）政治建设方面", "（二）作风建设方面"], round.Aspects.Select(a => a.Title));
    }

    [Fact]
    public async Task A_missing_team_is_said_under_its_field_and_creates_nothing()
    {
        await SignInAsync(Roles.Office);
        var (dialogs, _) = RenderProviders();
        var page = Render<Rounds>();
        var before = (await ListAsync()).Count;

        page.WaitForElement("[data-testid=create-round]").Click();
        dialogs.WaitForElement("input[data-testid=round-unit-field]").Change("漏填巡察组的检察院党组");
        dialogs.Find("form[data-testid=round-form]").Submit();

        dialogs.WaitForAssertion(() => Assert.Equal("请填写“巡察组”。", FieldError(dialogs.Find("input[data-testid=round-team-field]"))));
        Assert.Null(FieldError(dialogs.Find("input[data-testid=round-unit-field]")));
        Assert.Empty(dialogs.FindAll("[data-testid=round-error]"));
        Assert.Equal(before, (await ListAsync()).Count);
    }

    [Fact]
    public async Task A_conflict_loads_the_others_change_and_keeps_what_the_user_typed()
    {
        var created = await new Api.Ledgers(_api).RoundAsync();
        await SignInAsync(Roles.Office);
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<Rounds>();

        page.WaitForElement("[data-testid=rounds] tbody tr");
        page.FindAll("[data-testid=rounds] tbody tr").Single(r => r.TextContent.Contains(created.InspectedUnit, StringComparison.Ordinal))
            .QuerySelector("[data-testid=edit-round]")!.Click();
        dialogs.WaitForElement("input[data-testid=round-team-field]").Change("市委第五巡察组");
        var theirs = await GetAsync(created.Id);
        await Put(theirs with { RectificationPeriodEnd = new DateOnly(2024, 11, 15) });
        dialogs.Find("form[data-testid=round-form]").Submit();

        dialogs.WaitForElement("[data-testid=round-conflict]");
        Assert.Contains("该记录已被他人修改", snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal("市委第五巡察组", dialogs.Find("input[data-testid=round-team-field]").GetAttribute("value"));
        Assert.Equal("2024年11月15日", DateField(dialogs, "集中整改期限").GetAttribute("value"));
        dialogs.Find("form[data-testid=round-form]").Submit();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=round-dialog]")));
        var saved = await GetAsync(created.Id);
        Assert.Equal(("市委第五巡察组", new DateOnly(2024, 11, 15)), (saved.InspectingTeam, saved.RectificationPeriodEnd));
    }

    private static IElement DateField(IRenderedComponent<MudDialogProvider> dialogs, string label) =>
        dialogs.FindAll(".mud-picker").Single(p => p.QuerySelector("label")?.TextContent == label).QuerySelector("input")!;

    // MudBlazor writes a field's error in the helper line under its input.
    private static string? FieldError(IElement input) => input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } error
        ? error
        : null;

    private async Task Put(RoundDto round) =>
        await (await _api.PutJsonAsync($"/api/rounds/{round.Id}", new UpdateRoundCommand(
            round.Id, round.Version, round.InspectingTeam, round.InspectedUnit, round.InspectionStart, round.InspectionEnd, round.FeedbackDate, round.RectificationPeriodEnd)))
            .ReadAsync<Application.Common.Saved>();

    private async Task<RoundDto> GetAsync(Guid id) => (await _api.GetFromJsonAsync<RoundDto>($"/api/rounds/{id}", LedgerApiFactory.Json))!;

    private async Task<List<RoundSummaryDto>> ListAsync() => (await _api.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!;

    private async Task<RoundDto> RoundAsync(string unit) => await GetAsync((await ListAsync()).Single(r => r.InspectedUnit == unit).Id);
}
