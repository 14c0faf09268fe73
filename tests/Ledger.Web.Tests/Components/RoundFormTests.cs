using System.Net.Http.Json;
using AngleSharp.Dom;
using Bunit;
using Ledger.Application.Common.Security;
using Ledger.Application.Rounds;
using Ledger.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MudBlazor;

namespace Ledger.Web.Tests.Components;

/// <summary>Creating and editing rounds on the rounds page, through the real UI sender into the real host on SQLite.</summary>
public sealed class RoundFormTests(LedgerApiFactory host) : HostPageContext(host), IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _api = host.CreateClient();

    [Fact]
    public async Task The_office_creates_a_round_with_its_dates_and_aspects_and_finds_it_listed()
    {
        await SignInToHostAsync(Roles.Office);
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
        await SignInToHostAsync(Roles.Office);
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
        var created = await OwnRoundAsync("冲突检察院党组");
        await SignInToHostAsync(Roles.Office);
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<Rounds>();

        Row(page, created).QuerySelector("[data-testid=edit-round]")!.Click();
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

    [Fact]
    public async Task The_office_adds_and_renames_aspects_each_saved_at_once()
    {
        var created = await OwnRoundAsync("改方面检察院党组");
        await SignInToHostAsync(Roles.Office);
        var (dialogs, _) = RenderProviders();
        var page = Render<Rounds>();

        Row(page, created).QuerySelector("[data-testid=edit-round]")!.Click();
        dialogs.WaitForElement("input[data-testid=aspect-title]").Input("（一）政治建设和理论学习方面");
        dialogs.Find("[data-testid=rename-aspect]").Click();
        dialogs.WaitForAssertion(() => Assert.True(dialogs.Find("[data-testid=rename-aspect]").HasAttribute("disabled")));
        dialogs.Find("input[data-testid=new-aspect]").Input("（二）作风建设方面");

        // 增加 stays disabled while the rename is still being saved.
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=add-aspect]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=add-aspect]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=aspect]").Count));
        Assert.Equal(string.Empty, dialogs.Find("input[data-testid=new-aspect]").GetAttribute("value") ?? string.Empty);
        Assert.Equal(["（一）政治建设和理论学习方面", "（二）作风建设方面"], (await GetAsync(created.Id)).Aspects.Select(a => a.Title));
    }

    [Fact]
    public async Task An_excel_sheet_is_checked_row_by_row_and_with_its_bad_rows_skipped_imported_into_the_round_whose_ledger_opens()
    {
        var round = await OwnRoundAsync("导入台账检察院党组");
        await SignInToHostAsync(Roles.Office);
        var (dialogs, _) = RenderProviders();
        var page = Render<Rounds>();

        Row(page, round).QuerySelector("[data-testid=import-sheet]")!.Click();
        dialogs.WaitForComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(
            Sheet(["序号", "方面", "问题"], ["1", "（一）政治建设方面", "理论学习不够深入"], ["2", "（九）不存在的方面", "会风会纪不严"]), "台账.xlsx"));

        var errors = dialogs.WaitForElement("[data-testid=sheet-errors]");
        Assert.StartsWith("第3行·方面：方面“（九）不存在的方面”不是本轮巡察的方面", Assert.Single(errors.QuerySelectorAll("li")).TextContent, StringComparison.Ordinal);
        Assert.Equal("台账.xlsx：新增 1 项，更新 0 项，未改动 0 项，有错误 1 行", Normalized(dialogs.Find("[data-testid=sheet-counts]").TextContent));
        Assert.True(dialogs.Find("[data-testid=commit-sheet]").HasAttribute("disabled"));
        Assert.Equal(0, (await GetAsync(round.Id)).ItemCount);
        dialogs.Find("input[data-testid=skip-invalid]").Change(true);
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=commit-sheet]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=commit-sheet]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/items?roundId={round.Id}", navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(1, (await GetAsync(round.Id)).ItemCount);
    }

    /// <summary>A round of the test's own, with one aspect, told apart from the other tests' rounds by its unit.</summary>
    private async Task<RoundDto> OwnRoundAsync(string unit)
    {
        var round = await new Api.Ledgers(_api).RoundAsync("（一）政治建设方面");
        await Put(round with { InspectedUnit = unit });
        return await GetAsync(round.Id);
    }

    private static IElement Row(IRenderedComponent<Rounds> page, RoundDto round)
    {
        page.WaitForElement("[data-testid=rounds] tbody tr");
        return page.FindAll("[data-testid=rounds] tbody tr").Single(r => r.TextContent.Contains(round.InspectedUnit, StringComparison.Ordinal));
    }

    private static byte[] Sheet(params string[][] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(cells => cells.Select((cell, c) => (Column: ((char)('A' + c)).ToString(), Cell: (object?)cell)).ToDictionary(x => x.Column, x => x.Cell)).ToList(), printHeader: false);
        return stream.ToArray();
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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
