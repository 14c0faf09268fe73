using System.Net;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Domain.Items;
using Ledger.Domain.Reports;
using Ledger.Infrastructure.Spreadsheets;
using Ledger.Testing;
using MiniExcelLibs;

namespace Ledger.Web.Tests.Api;

/// <summary>Seed 000 read as the parts of a report, with nothing of Ledger's parser: the lines the office would write and the lines the ledger must produce.</summary>
internal static class HuijiReportParts
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryFiles.Seed(HuijiReport.File)).Where(l => l.Length > 0).ToArray();

    private static int PartTwo => Array.FindIndex(Lines, l => l.StartsWith("二、", StringComparison.Ordinal));

    private static int PartThree => Array.FindIndex(Lines, l => l.StartsWith("三、", StringComparison.Ordinal));

    private static int Closing => Array.FindIndex(Lines, l => l.StartsWith("欢迎", StringComparison.Ordinal));

    public static string Opening => Lines[0];

    public static string OrganisationHeading => Lines[1];

    public static string Organisation => string.Join('\n', Lines[2..PartTwo]);

    public static string ProblemsHeading => Lines[PartTwo];

    public static string NextStepsHeading => Lines[PartThree];

    public static string NextSteps => string.Join('\n', Lines[(PartThree + 1)..Closing]);

    /// <summary>The invitation to supervise and the contacts, down to the signature and the date.</summary>
    public static string ClosingText => string.Join('\n', Lines[Closing..^2]);

    public static string Signature => Lines[^2];

    /// <summary>
    /// The report as the ledger must write it: the seed's paragraphs with a title before them and the plan and statistics
    /// sentences closing part one (seed 000 has neither), one item saying 已完成 where the others say 完成.
    /// </summary>
    public static IEnumerable<string> Expected(string title, string statistics) =>
        [title, .. Lines[..PartTwo], statistics, .. Lines[PartTwo..].Select(l => l == "整改结果:已完成" ? "整改结果:完成" : l)];

    /// <summary>
    /// The seed's marks were folded to half-width when the page was scraped; the ledger writes its own labels in the
    /// full-width marks of official documents. Compared with the marks folded the same way.
    /// </summary>
    public static string Folded(string line) =>
        line.Replace('，', ',').Replace('：', ':').Replace('；', ';').Replace('（', '(').Replace('）', ')');
}

internal static class ReportRequests
{
    public static async Task<ReportDraftDto> DraftAsync(HttpClient client, Guid roundId, string? asOf = null) =>
        await (await client.GetAsync($"/api/rounds/{roundId}/report" + (asOf is null ? string.Empty : $"?asOf={asOf}"))).ReadAsync<ReportDraftDto>();

    /// <summary>The paragraphs of a .docx, read back with OpenXml.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
    }

    public static string[] Lines(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n');
    }
}

/// <summary>
/// Seed 000 built again through the API on the day it was signed — imported, assigned, proven and closed out — then its
/// report generated, published, and generated again after 回头看 reopened an item.
/// </summary>
public sealed class HuijiReportGenerationTests(HuijiReportDayFactory factory) : IClassFixture<HuijiReportDayFactory>
{
    private const string Title = "中共郑州市惠济区人民检察院党组关于巡察整改进展情况的通报";
    private const string Plan = "巡察反馈意见共涉及6个方面、19个具体问题，确定整改事项19个、整改措施55条。";

    [Fact]
    public async Task The_report_of_seed_000_is_written_from_the_ledger_with_every_figure_and_a_past_date_keeps_its_statuses()
    {
        var office = factory.CreateClient();
        var roundId = await FigureRequests.ImportAsync(office, HuijiReport.Bytes(), "惠济区检察院整改情况.txt");
        var ledgers = new Ledgers(office);
        var leader = await ledgers.PersonAsync("王璐", isLeader: true);
        var department = await ledgers.DepartmentAsync("检务督察部");
        var problems = await FigureRequests.ProblemsAsync(office, roundId);
        foreach (var number in Enumerable.Range(1, 18))
        {
            await FigureRequests.CloseOutAsync(factory, office, FigureRequests.State(problems[number]), leader.Id, department.Id, "2024-07-31");
        }

        await FigureRequests.AssignAsync(office, FigureRequests.State(problems[19]), leader.Id, department.Id, "2024-07-31");

        // Before anyone writes: the parts the ledger composes, every figure, and what must be looked at.
        var draft = await ReportRequests.DraftAsync(office, roundId, "2024-07-08");
        Assert.Null(draft.Version);
        Assert.Equal(
            new ReportParts(
                Title,
                "按照市委的统一部署，市委提级巡察第四组于2023年11月10日至2024年1月8日对郑州市惠济区人民检察院党组开展了巡察，" +
                "并于2024年3月1日向郑州市惠济区人民检察院党组反馈了巡察意见。现将巡察整改进展情况予以通报。",
                "组织整改落实情况",
                null,
                "巡察反馈问题整改情况",
                "下一步工作安排",
                null,
                "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。",
                "中共郑州市惠济区人民检察院党组"),
            draft.Composed);
        Assert.Equal((HuijiReport.Date, HuijiReport.Date, HuijiReport.Aspects), (draft.AsOf, draft.ReportDate, draft.Figures.Aspects));
        Assert.Equal(new ItemFigures(19, 19, 0, 0, 0, 18, 0, 18, 18, 55), draft.Figures.Problems);
        Assert.Equal(draft.Figures.Problems, draft.Figures.All);
        Assert.Equal((0, 0), (draft.Figures.ImmediateFixes.Total, draft.Figures.Petitions.Total));
        Assert.Equal((100m, 100m), (draft.Figures.All.CompletionRate, draft.Figures.All.OnTimeRate));
        Assert.Equal(Plan, draft.Figures.PlanSentence);
        Assert.Equal("截至2024年7月8日，巡察反馈的19个具体问题，已全部完成整改。", draft.Figures.Sentence);
        Assert.Equal(Enumerable.Range(1, 19), draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Equal((ItemStatus.Completed <= i.Status, "完成"), (true, i.StatusText)));
        Assert.Equal(
            ["OrganisationMissing", "NextStepsMissing", .. Enumerable.Repeat("NoProgressText", 19), "CompletedWithoutEvidence"],
            draft.Issues.Select(i => i.Code));
        Assert.Equal("第19项截至2024年7月8日已完成，但没有佐证材料。", draft.Issues[^1].Message);
        Assert.Equal(problems[19].Id, draft.Issues[^1].ItemId);

        // Parts one and three are people's words: nothing is published without them.
        var refused = await (await office.PostJsonAsync($"/api/rounds/{roundId}/report/editions", new { version = Guid.NewGuid(), issuesReviewed = true, asOf = "2024-07-08" }))
            .ProblemAsync(409);
        Assert.Contains("第一部分", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The office writes what the seed says, and takes each problem's composed 整改情况 as it stands.
        var saved = await (await office.PutJsonAsync($"/api/rounds/{roundId}/report", new
        {
            version = (Guid?)null,
            opening = HuijiReportParts.Opening,
            organisationHeading = HuijiReportParts.OrganisationHeading,
            organisation = HuijiReportParts.Organisation,
            problemsHeading = HuijiReportParts.ProblemsHeading,
            nextStepsHeading = HuijiReportParts.NextStepsHeading,
            nextSteps = HuijiReportParts.NextSteps,
            closing = HuijiReportParts.ClosingText,
        })).ReadAsync<Saved>();
        foreach (var item in draft.Items)
        {
            saved = await (await office.PutJsonAsync($"/api/rounds/{roundId}/report/items/{item.ItemId}", new { version = saved.Version, text = item.ComposedText }))
                .ReadAsync<Saved>();
        }

        draft = await ReportRequests.DraftAsync(office, roundId, "2024-07-08");
        Assert.Equal(saved.Version, draft.Version);
        Assert.Equal(["CompletedWithoutEvidence"], draft.Issues.Select(i => i.Code));

        // The whole report is the published one: its 6 aspects, its 19 problems with their words, statuses and 整改情况.
        var lines = ReportRequests.Lines(draft.Text);
        Assert.Equal(
            HuijiReportParts.Expected(Title, Plan + draft.Figures.Sentence).Select(HuijiReportParts.Folded),
            lines.Select(HuijiReportParts.Folded));
        Assert.Equal(6, lines.Count(l => l.StartsWith('（') && l.EndsWith("方面", StringComparison.Ordinal)));
        Assert.Equal(19, lines.Count(l => l == "整改结果：完成"));
        Assert.Equal(["中共郑州市惠济区人民检察院党组", "2024年7月8日"], lines[^2..]);

        // The .docx says the same, paragraph by paragraph, and so does the text download.
        var docx = await office.GetAsync($"/api/rounds/{roundId}/report/docx?asOf=2024-07-08");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Title}（截至2024年7月8日）.docx", docx.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(lines, ReportRequests.Paragraphs(await docx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(draft.Text, await office.GetStringAsync($"/api/rounds/{roundId}/report/text?asOf=2024-07-08"));

        // Published with its one open issue looked at: edition 1, frozen with its .docx.
        var unreviewed = await (await office.PostJsonAsync($"/api/rounds/{roundId}/report/editions", new { version = draft.Version, issuesReviewed = false, asOf = "2024-07-08" }))
            .ProblemAsync(409);
        Assert.Contains("1项", unreviewed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var publishing = await office.PostJsonAsync($"/api/rounds/{roundId}/report/editions", new { version = draft.Version, issuesReviewed = true, asOf = "2024-07-08" });
        Assert.Equal(HttpStatusCode.Created, publishing.StatusCode);
        var first = await publishing.ReadAsync<PublishedReportSummary>();
        Assert.Equal((1, HuijiReport.Date, HuijiReport.Date, Title), (first.Edition, first.AsOf, first.ReportDate, first.Title));
        Assert.Equal($"/api/report-editions/{first.Id}", publishing.Headers.Location?.OriginalString);
        var firstDocx = await office.GetByteArrayAsync($"/api/report-editions/{first.Id}/docx");
        Assert.Equal(first.DocxSha256, Convert.ToHexStringLower(SHA256.HashData(firstDocx)));
        Assert.Equal(lines, ReportRequests.Paragraphs(firstDocx));
        var firstEdition = await (await office.GetAsync($"/api/report-editions/{first.Id}")).ReadAsync<PublishedReportDto>();
        Assert.Equal((draft.Text, draft.Figures), (firstEdition.Text, firstEdition.Figures));
        Assert.Equal(draft.Issues, firstEdition.Issues);

        // Two days later 回头看 reopens problem 4, and the office rewords part three.
        factory.Clock.SetUtcNow(new DateTimeOffset(2024, 7, 10, 2, 0, 0, TimeSpan.Zero));
        factory.SignInAgain();
        office = factory.CreateClient();
        var four = (await new Ledgers(office).DetailAsync(problems[4].Id)).Item;
        await new Ledgers(office).ActAsync(new ItemState(four.Id, four.Version, four.Status, four.StatusText), "reopen", new { reason = "回头看发现检务督察制度执行反弹" });

        // As of the 8th nothing changed: the statuses of that day, the text published that day.
        var eighth = await ReportRequests.DraftAsync(office, roundId, "2024-07-08");
        Assert.Equal(firstEdition.Text, eighth.Text);
        Assert.Equal(firstEdition.Figures, eighth.Figures);

        // As of today problem 4 is back in hand, the figures say so, and the differences from edition 1 are listed.
        var tenth = await ReportRequests.DraftAsync(office, roundId);
        Assert.Equal(new DateOnly(2024, 7, 10), tenth.AsOf);
        Assert.Equal(new ItemFigures(19, 18, 0, 1, 0, 17, 0, 17, 17, 55), tenth.Figures.Problems);
        Assert.Equal("截至2024年7月10日，巡察反馈的19个具体问题，已完成整改18个，正在整改1个。", tenth.Figures.Sentence);
        Assert.Equal("正在整改", tenth.Items.Single(i => i.Number == 4).StatusText);
        Assert.Contains("整改结果：正在整改", tenth.Text, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("CompletedWithoutEvidence", "第19项截至2024年7月10日已完成，但没有佐证材料。"),
                ("FigureChanged", "已完成整改的具体问题与第1版通报（截至2024年7月8日）不同：当时19个，现为18个。"),
                ("FigureChanged", "正在整改的具体问题与第1版通报（截至2024年7月8日）不同：当时0个，现为1个。"),
                ("StatusWentBack", "第4项在第1版通报（截至2024年7月8日）中为完成，现为正在整改。"),
            ],
            tenth.Issues.Select(i => (i.Code, i.Message)));
        Assert.Equal(first, tenth.LastPublished);

        // The ledger export of the day counts the same: its 统计 sheet is these figures, its rows these statuses.
        using (var workbook = new MemoryStream(await office.GetByteArrayAsync($"/api/items/export?roundId={roundId}")))
        {
            var sheet = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: FiguresSheetLayout.SheetName)
                .Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v?.ToString()).Reverse().SkipWhile(v => v is null).Reverse().ToList())
                .ToList();
            Assert.Equal(FiguresSheetLayout.Rows(tenth.Figures).Select(r => r.ToList()), sheet);
            workbook.Position = 0;
            // A title row, then the header row naming the columns.
            var rows = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: LedgerWorkbook.SheetName).Cast<IDictionary<string, object?>>().Skip(1).ToList();
            string Column(string header) => rows[0].Single(c => Equals(c.Value, header)).Key;
            var (number, status) = (Column(LedgerSheetLayout.Number), Column(LedgerSheetLayout.Status));
            Assert.Equal(
                tenth.Items.Select(i => (i.Number, i.Status.ToChinese())),
                rows.Skip(1).Select(r => (int.Parse(r[number]!.ToString()!, System.Globalization.CultureInfo.InvariantCulture), r[status]!.ToString()!)).OrderBy(r => r.Item1));
        }

        // Edition 2 is a new document; edition 1 is kept as it was.
        var second = await (await office.PostJsonAsync($"/api/rounds/{roundId}/report/editions", new { version = tenth.Version, issuesReviewed = true }))
            .ReadAsync<PublishedReportSummary>();
        Assert.Equal((2, new DateOnly(2024, 7, 10)), (second.Edition, second.AsOf));
        var editions = await (await office.GetAsync($"/api/rounds/{roundId}/report/editions")).ReadAsync<List<PublishedReportSummary>>();
        Assert.Equal([second, first], editions);
        Assert.Equal(firstDocx, await office.GetByteArrayAsync($"/api/report-editions/{first.Id}/docx"));
        Assert.Equal(firstEdition.Text, await office.GetStringAsync($"/api/report-editions/{first.Id}/text"));
        Assert.Equal(tenth.Text, (await (await office.GetAsync($"/api/report-editions/{second.Id}")).ReadAsync<PublishedReportDto>()).Text);
    }
}

/// <summary>Who may do what with a report, and the answers to bad requests, on the shared host (2025年1月16日).</summary>
public sealed class ReportApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    [Fact]
    public async Task The_office_writes_and_publishes_others_read_and_department_users_see_only_published_editions()
    {
        var office = factory.CreateClient();
        var ledgers = new Ledgers(office);
        var round = await ledgers.RoundAsync("政治建设方面");
        var item = await ledgers.ItemAsync(round, "理论学习不够深入");
        var department = await ledgers.DepartmentAsync("第三检察部");
        var staff = factory.ClientFor(Roles.DepartmentStaff, department.Id);

        foreach (var reader in new[] { Roles.Leader, Roles.Supervisor, Roles.Admin })
        {
            var read = await ReportRequests.DraftAsync(factory.ClientFor(reader), round.Id);
            Assert.Equal(new DateOnly(2025, 1, 16), read.AsOf);
            await (await factory.ClientFor(reader).PutJsonAsync($"/api/rounds/{round.Id}/report", new { organisation = "写" })).ProblemAsync(403);
        }

        await (await staff.GetAsync($"/api/rounds/{round.Id}/report")).ProblemAsync(403);
        await (await staff.GetAsync($"/api/rounds/{round.Id}/report/docx")).ProblemAsync(403);
        await (await factory.ClientFor(Roles.Leader).PostJsonAsync($"/api/rounds/{round.Id}/report/editions", new { version = Guid.NewGuid(), issuesReviewed = true }))
            .ProblemAsync(403);

        var saved = await (await office.PutJsonAsync($"/api/rounds/{round.Id}/report", new { organisation = "（一）强化组织领导。成立领导小组。", nextSteps = "一是持续整改。二是建章立制。" }))
            .ReadAsync<Saved>();
        var draft = await ReportRequests.DraftAsync(office, round.Id);
        Assert.Contains("\n（一）强化组织领导。成立领导小组。\n", draft.Text, StringComparison.Ordinal);
        Assert.Equal(["NoProgressText"], draft.Issues.Select(i => i.Code));
        Assert.Equal("第1项截至2025年1月16日没有进展情况，通报也未填写其整改情况。", draft.Issues[0].Message);
        Assert.Equal("1.理论学习不够深入，存在以会代学现象。", ReportRequests.Lines(draft.Text).Single(l => l.StartsWith("1.", StringComparison.Ordinal)));
        var published = await (await office.PostJsonAsync($"/api/rounds/{round.Id}/report/editions", new { version = saved.Version, issuesReviewed = true }))
            .ReadAsync<PublishedReportSummary>();

        // Published reports are public documents: a department user reads them, and the file is the one published.
        var editions = await (await staff.GetAsync($"/api/rounds/{round.Id}/report/editions")).ReadAsync<List<PublishedReportSummary>>();
        Assert.Equal([published], editions);
        Assert.Equal(draft.Text, await staff.GetStringAsync($"/api/report-editions/{published.Id}/text"));
        await (await staff.GetAsync($"/api/report-editions/{Guid.NewGuid()}")).ProblemAsync(404);

        // The draft lives on; an edit from a stale version is refused with the current one.
        var stale = await (await office.PutJsonAsync($"/api/rounds/{round.Id}/report", new { version = (Guid?)null, organisation = "覆盖" })).ProblemAsync(409);
        Assert.NotEqual(saved.Version, stale.GetProperty("currentVersion").GetGuid());
        await (await office.PutJsonAsync($"/api/rounds/{round.Id}/report/items/{item.Id}", new { version = saved.Version, text = "旧版本" })).ProblemAsync(409);
        await (await office.PostJsonAsync($"/api/rounds/{round.Id}/report/editions", new { version = saved.Version, issuesReviewed = true })).ProblemAsync(409);
    }

    [Fact]
    public async Task Bad_requests_get_chinese_field_errors_and_missing_records_404()
    {
        var office = factory.CreateClient();
        var round = await new Ledgers(office).RoundAsync();
        var other = await new Ledgers(office).RoundAsync();
        var item = await new Ledgers(office).ItemAsync(other);

        var future = await (await office.GetAsync($"/api/rounds/{round.Id}/report?asOf=2025-01-17")).ProblemAsync(400);
        Assert.Equal("截至日期不能晚于今天：台账只知道已经记录的情况。", future.GetProperty("errors").GetProperty("asOf")[0].GetString());
        var early = await (await office.GetAsync($"/api/rounds/{round.Id}/report/text?asOf=2025-01-10&reportDate=2025-01-09")).ProblemAsync(400);
        Assert.Equal("成文日期不能早于截至日期。", early.GetProperty("errors").GetProperty("reportDate")[0].GetString());
        var tooLong = await (await office.PutJsonAsync($"/api/rounds/{round.Id}/report", new { signature = new string('院', 201) })).ProblemAsync(400);
        Assert.Contains("落款", tooLong.GetProperty("errors").GetProperty("signature")[0].GetString(), StringComparison.Ordinal);

        await (await office.GetAsync($"/api/rounds/{Guid.NewGuid()}/report")).ProblemAsync(404);
        await (await office.PutJsonAsync($"/api/rounds/{Guid.NewGuid()}/report", new { organisation = "写" })).ProblemAsync(404);
        await (await office.PutJsonAsync($"/api/rounds/{round.Id}/report/items/{item.Id}", new { text = "别的轮次的事项" })).ProblemAsync(404);
        await (await office.GetAsync($"/api/rounds/{Guid.NewGuid()}/report/editions")).ProblemAsync(404);

        // A tab pasted from a spreadsheet does not stop the report from being written.
        await (await office.PutJsonAsync($"/api/rounds/{round.Id}/report", new { organisation = "成立\t领导小组。", nextSteps = "持续整改。" })).ReadAsync<Saved>();
        Assert.Contains("\n成立领导小组。\n", (await ReportRequests.DraftAsync(office, round.Id)).Text, StringComparison.Ordinal);
    }
}
