using System.Net.Http.Json;
using System.Text;
using Bunit;
using Ledger.Application.Common.Security;
using Ledger.Application.Rounds;
using Ledger.Testing;
using Ledger.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Moq;

namespace Ledger.Web.Tests.Components;

/// <summary>Importing a report on its page, through the real UI sender into the real host on SQLite.</summary>
public sealed class ImportReportPageTests(LedgerApiFactory host) : HostPageContext(host), IClassFixture<LedgerApiFactory>
{
    // The 东莞 rectification plan: 5 aspects, 19 problems, 48 measures; its site's copyright line (line 39) is a warning.
    private static readonly string Seed = File.ReadAllText(RepositoryFiles.Seed("001_73f4c097e75b81dc.txt"));

    private const string PageScript = "./Components/Pages/ImportReport.razor.js";

    [Fact]
    public async Task Pasted_text_is_previewed_with_its_warnings_and_items_then_committed_as_a_round_and_not_twice()
    {
        await SignInToHostAsync(Roles.Office);
        RenderProviders();
        var page = Render<ImportReport>();

        Paste(page, Seed);

        page.WaitForElement("[data-testid=import-preview]");
        var warning = Assert.Single(page.FindAll("[data-testid=import-warning]"));
        Assert.StartsWith("第39行：", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal("粘贴的文本.txt：识别出 5 个方面、19 个问题、48 条整改措施", Normalized(page.Find("[data-testid=import-counts]").TextContent));
        Assert.Equal(19, page.FindAll("[data-testid=import-item]").Count);
        Assert.Equal(48, page.FindAll("[data-testid=import-measure]").Count);
        Assert.Equal("市委第三巡察组", page.Find("input[data-testid=import-team]").GetAttribute("value"));
        Assert.Equal("整改情况报告", page.Find("[data-testid=import-genre]").TextContent);
        Assert.Equal(
            ("2023年3月6日", "2023年5月31日", "2023年7月25日"),
            (DateField(page, "import-start"), DateField(page, "import-end"), DateField(page, "import-feedback")));
        Assert.Contains("落实上级重大决策部署不到位", page.Find("[data-testid=import-item]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await RoundsAsync(), r => r.InspectedUnit == "中共东莞市人民检察院党组");

        page.Find("[data-testid=commit-import]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/items?roundId=", navigation.Uri, StringComparison.Ordinal));
        var round = Assert.Single(await RoundsAsync(), r => r.InspectedUnit == "中共东莞市人民检察院党组");
        Assert.EndsWith($"/items?roundId={round.Id}", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(("市委第三巡察组", "中共东莞市人民检察院党组", 19), (round.InspectingTeam, round.InspectedUnit, round.ItemCount));

        var again = Render<ImportReport>();
        Paste(again, Seed);
        Assert.Equal($"/items?roundId={round.Id}", again.WaitForElement("[data-testid=existing-round]").GetAttribute("href"));
        Assert.Empty(again.FindAll("[data-testid=commit-import]"));
        Assert.Single(await RoundsAsync(), r => r.InspectedUnit == "中共东莞市人民检察院党组");
    }

    [Fact]
    public async Task A_file_of_another_type_is_refused_in_Chinese_before_it_is_sent()
    {
        await SignInToHostAsync(Roles.Office);
        RenderProviders();
        var page = Render<ImportReport>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.7", "反馈意见.pdf"));

        Assert.Equal("“反馈意见.pdf”不能导入：只能选择 .txt、.docx、.xlsx、.html 或 .htm 文件。", page.WaitForElement("[data-testid=import-error]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=import-preview]"));
    }

    [Fact]
    public async Task An_empty_box_asks_for_the_text()
    {
        await SignInToHostAsync(Roles.Office);
        RenderProviders();
        var page = Render<ImportReport>();

        Paste(page, " \n ");

        Assert.Equal("请先粘贴报告的文字。", page.WaitForElement("[data-testid=import-error]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=import-preview]"));
    }

    [Fact]
    public async Task A_text_the_browser_fails_to_hand_over_is_said_in_Chinese_and_the_page_stays()
    {
        await SignInToHostAsync(Roles.Office);
        RenderProviders();
        var page = Render<ImportReport>();
        JSInterop.SetupModule(PageScript).Setup<IJSStreamReference>("pastedText", _ => true).SetException(new JSException("Connection disconnected"));

        PressPreview(page);

        Assert.Equal("粘贴的文字未能传到服务器，请重试；仍不成功请保存为 .txt 文件后上传。", page.WaitForElement("[data-testid=import-error]").TextContent.Trim());
        Assert.False(page.Find("[data-testid=preview-text]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_list_without_an_introduction_is_imported_with_the_team_and_unit_the_office_types()
    {
        await SignInToHostAsync(Roles.Office);
        RenderProviders();
        var page = Render<ImportReport>();

        Paste(page, "巡察反馈问题清单\n一、作风建设方面\n1.会风不严。\n2.文风不实。");
        page.WaitForElement("[data-testid=import-preview]");
        Assert.Equal("巡察反馈意见", page.Find("[data-testid=import-genre]").TextContent);
        page.Find("input[data-testid=import-team]").Change("县委第一巡察组");
        page.Find("input[data-testid=import-unit]").Change("县统计局党组");
        page.Find("[data-testid=commit-import]").Click();

        page.WaitForAssertion(() => Assert.Contains("/items?roundId=", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        var round = Assert.Single(await RoundsAsync(), r => r.InspectedUnit == "县统计局党组");
        Assert.Equal(("县委第一巡察组", 2), (round.InspectingTeam, round.ItemCount));
    }

    /// <summary>
    /// The page reads the box through its script as a stream (the browser's part, tested in the browser test); here the
    /// script hands over the text as a browser would.
    /// </summary>
    private void Paste(IRenderedComponent<ImportReport> page, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var pasted = new Mock<IJSStreamReference>();
        pasted.Setup(p => p.Length).Returns(bytes.Length);
        pasted.Setup(p => p.OpenReadStreamAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).Returns(() => ValueTask.FromResult<Stream>(new MemoryStream(bytes)));
        JSInterop.SetupModule(PageScript).Setup<IJSStreamReference>("pastedText", _ => true).SetResult(pasted.Object);
        PressPreview(page);
    }

    private static void PressPreview(IRenderedComponent<ImportReport> page)
    {
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("粘贴文字", StringComparison.Ordinal)).Click();
        page.WaitForElement("textarea[data-testid=report-text]");
        page.Find("[data-testid=preview-text]").Click();
    }

    private static string? DateField(IRenderedComponent<ImportReport> page, string testId) =>
        page.Find($"input[data-testid={testId}]").GetAttribute("value");

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<List<RoundSummaryDto>> RoundsAsync() =>
        (await Host.CreateClient().GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!;
}
