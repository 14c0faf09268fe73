using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Reports;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Spreadsheets;
using Ledger.Testing;
using MiniExcelLibs;

namespace Ledger.Web.Tests.Api;

/// <summary>The host on 8 July 2024, 10:00 in Beijing: the day seed 000 (the Huiji report) was signed.</summary>
public sealed class HuijiReportDayFactory() : LedgerApiFactory(new DateTimeOffset(2024, 7, 8, 2, 0, 0, TimeSpan.Zero));

/// <summary>What seed 000 itself states, counted from its text with nothing of Ledger's parser.</summary>
internal static partial class HuijiReport
{
    public const string File = "000_a214ae62bcaa29c6.txt";

    public static readonly DateOnly Date = new(2024, 7, 8);

    private static readonly string[] Lines = System.IO.File.ReadAllLines(RepositoryFiles.Seed(File));

    /// <summary>(一)全面加强政治建设，着力筑牢政治忠诚方面 …: the headings of part two end in 方面.</summary>
    public static int Aspects => Lines.Count(l => AspectLine().IsMatch(l));

    /// <summary>1.理论学习“走形不走心”… : the numbered problems.</summary>
    public static int Problems => Lines.Count(l => ProblemLine().IsMatch(l));

    /// <summary>整改结果:完成 (or 已完成) under a problem.</summary>
    public static int Completed => Lines.Count(l => l is "整改结果:完成" or "整改结果:已完成");

    /// <summary>The steps of each 整改情况 paragraph (一是…二是…), a paragraph without them being one step.</summary>
    public static int Measures => Lines.Where(l => l.StartsWith("整改情况:", StringComparison.Ordinal))
        .Sum(l => Math.Max(1, Ordinal().Count(l)));

    public static byte[] Bytes() => System.IO.File.ReadAllBytes(RepositoryFiles.Seed(File));

    [GeneratedRegex(@"^\([一二三四五六七八九十]+\).*方面$")]
    private static partial Regex AspectLine();

    [GeneratedRegex(@"^\d+\.")]
    private static partial Regex ProblemLine();

    [GeneratedRegex("[一二三四五六七八九十]是")]
    private static partial Regex Ordinal();
}

internal static class FigureRequests
{
    public static async Task<Guid> ImportAsync(HttpClient office, byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var response = await office.PostAsync("/api/imports", new MultipartFormDataContent { { file, "file", name } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("roundId").GetGuid();
    }

    /// <summary>The figures as JSON text, to compare whole answers, and as the record.</summary>
    public static async Task<(string Json, RoundFigures Figures)> FiguresAsync(HttpClient client, Guid roundId, string? asOf = null)
    {
        var response = await client.GetAsync($"/api/rounds/{roundId}/figures" + (asOf is null ? string.Empty : $"?asOf={asOf}"));
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {json}");
        return (json, JsonSerializer.Deserialize<RoundFigures>(json, LedgerApiFactory.Json)!);
    }

    public static async Task<Dictionary<int, ItemListDto>> ProblemsAsync(HttpClient client, Guid roundId) =>
        (await client.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={roundId}&kind=Feedback&pageSize=200", LedgerApiFactory.Json))!
            .Items.ToDictionary(i => i.Number);

    public static ItemState State(ItemListDto item) => new(item.Id, item.Version, item.Status, item.StatusText);

    public static async Task<ItemState> AssignAsync(HttpClient office, ItemState item, Guid leaderId, Guid departmentId, string dueDate) =>
        await (await office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            responsibleLeaderId = leaderId,
            leadDepartmentId = departmentId,
            dueDate,

            // A later call moves the deadline, which needs a reason; the first one keeps it in its audit record.
            reason = "按整改方案调整时限",
        })).ReadAsync<ItemState>();

    /// <summary>An imported 已完成 problem through 销号: assignment, evidence, request, the office's review, the leader's approval.</summary>
    public static async Task<ItemState> CloseOutAsync(LedgerApiFactory factory, HttpClient office, ItemState item, Guid leaderId, Guid departmentId, string dueDate)
    {
        item = await AssignAsync(office, item, leaderId, departmentId, dueDate);
        item = await (await Ledgers.UploadAsync(office, item.Id, item.Version, "整改材料.pdf", Ledgers.Pdf(item.Id.ToString()))).ReadAsync<ItemState>();
        item = await new Ledgers(office).ActAsync(item, "close-out/request", new { summary = "整改完成，材料齐全" });
        item = await new Ledgers(office).ActAsync(item, "close-out/review", new { pass = true });
        return await new Ledgers(factory.ClientFor(Roles.Leader, personId: leaderId)).ActAsync(item, "close-out/decision", new { approve = true });
    }
}

/// <summary>
/// Seed 000 imported on the day it was signed, then worked on for weeks: the figures for that day stay the report's,
/// later days show what changed, each day by the statuses and deadlines of that day.
/// </summary>
public sealed class RoundFiguresAsOfTests(HuijiReportDayFactory factory) : IClassFixture<HuijiReportDayFactory>
{
    [Fact]
    public async Task Figures_as_of_the_report_date_are_the_reports_and_a_past_date_keeps_its_statuses_after_later_changes()
    {
        var roundId = await FigureRequests.ImportAsync(factory.CreateClient(), HuijiReport.Bytes(), "惠济区检察院整改情况.txt");

        var (reportDayJson, reportDay) = await FigureRequests.FiguresAsync(factory.CreateClient(), roundId, "2024-07-08");
        Assert.Equal((6, 19, 19, 55), (HuijiReport.Aspects, HuijiReport.Problems, HuijiReport.Completed, HuijiReport.Measures));
        Assert.Equal((roundId, HuijiReport.Date, HuijiReport.Aspects), (reportDay.RoundId, reportDay.AsOf, reportDay.Aspects));
        Assert.Equal(
            new ItemFigures(HuijiReport.Problems, HuijiReport.Completed, 0, 0, 0, 0, 0, 0, 0, HuijiReport.Measures),
            reportDay.Problems);
        Assert.Equal(reportDay.Problems, reportDay.All);
        Assert.Equal((0, 0), (reportDay.ImmediateFixes.Total, reportDay.Petitions.Total));
        Assert.Equal((100m, null), (reportDay.All.CompletionRate, reportDay.All.OnTimeRate));
        Assert.Equal("截至2024年7月8日，巡察反馈的19个具体问题，已全部完成整改。", reportDay.Sentence);
        Assert.Contains("\"completionRate\":100", reportDayJson, StringComparison.Ordinal);

        // The day before the import the ledger knew nothing of the round.
        var dayBefore = (await FigureRequests.FiguresAsync(factory.CreateClient(), roundId, "2024-07-07")).Figures;
        Assert.Equal((6, 0, 0), (dayBefore.Aspects, dayBefore.All.Total, dayBefore.All.Measures));

        // Two days later: 回头看 sends problem 3 back with a deadline; 4 is closed out on time, 5 (due the day before) late;
        // an immediate fix is recorded and done, a petition recorded.
        await AtAsync(new DateOnly(2024, 7, 10));
        var office = factory.CreateClient();
        var ledgers = new Ledgers(office);
        var leader = await ledgers.PersonAsync("王璐", isLeader: true);
        var department = await ledgers.DepartmentAsync("检务督察部");
        var problems = await FigureRequests.ProblemsAsync(office, roundId);

        var three = await ledgers.ActAsync(FigureRequests.State(problems[3]), "resume", new { reason = "回头看发现部分意识形态台账未更新" });
        three = await FigureRequests.AssignAsync(office, three, leader.Id, department.Id, "2024-07-15");
        three = await (await office.PostJsonAsync($"/api/items/{three.Id}/measures", new { version = three.Version, text = "四是每月更新意识形态风险台账" })).ReadAsync<ItemState>();
        var four = await FigureRequests.CloseOutAsync(factory, office, FigureRequests.State(problems[4]), leader.Id, department.Id, "2024-07-31");
        var five = await FigureRequests.CloseOutAsync(factory, office, FigureRequests.State(problems[5]), leader.Id, department.Id, "2024-07-09");
        var fix = await office.PostJsonAsync($"/api/rounds/{roundId}/items", new { aspectId = problems[1].AspectId, title = "会议室违规张贴标语", kind = "ImmediateFix" });
        var fixState = await ledgers.ActAsync(await fix.ReadAsync<ItemState>(), "start");
        await ledgers.ActAsync(fixState, "completed");
        await (await office.PostJsonAsync($"/api/rounds/{roundId}/items", new { aspectId = problems[1].AspectId, title = "群众反映办案超期", kind = "Petition" })).ReadAsync<ItemState>();

        await AtAsync(new DateOnly(2024, 7, 20));
        office = factory.CreateClient();
        var (againJson, _) = await FigureRequests.FiguresAsync(office, roundId, "2024-07-08");
        Assert.Equal(reportDayJson, againJson);

        var tenth = (await FigureRequests.FiguresAsync(office, roundId, "2024-07-10")).Figures;
        Assert.Equal(new ItemFigures(19, 18, 0, 1, 0, 2, 0, 2, 1, 56), tenth.Problems);

        var twentieth = (await FigureRequests.FiguresAsync(office, roundId, "2024-07-20")).Figures;
        Assert.Equal(new ItemFigures(19, 18, 0, 1, 0, 2, 1, 3, 1, 56), twentieth.Problems);
        Assert.Equal(new ItemFigures(1, 1, 0, 0, 0, 0, 0, 0, 0, 0), twentieth.ImmediateFixes);
        Assert.Equal(new ItemFigures(1, 0, 0, 0, 1, 0, 0, 0, 0, 0), twentieth.Petitions);
        Assert.Equal(new ItemFigures(21, 19, 0, 1, 1, 2, 1, 3, 1, 56), twentieth.All);
        Assert.Equal((90.5m, 33.3m), (twentieth.All.CompletionRate, twentieth.All.OnTimeRate));
        Assert.Equal(
            "截至2024年7月20日，巡察反馈的19个具体问题，已完成整改18个，正在整改1个；巡察交办立行立改事项1个，整改完成1个；交办信访件1件，正在办理1件。",
            twentieth.Sentence);

        // Later still: problem 3 gets more time and 4 is reopened. The 20th keeps its overdue item and its two close-outs.
        await AtAsync(new DateOnly(2024, 7, 25));
        office = factory.CreateClient();
        await FigureRequests.AssignAsync(office, three with { Version = (await new Ledgers(office).DetailAsync(three.Id)).Item.Version }, leader.Id, department.Id, "2024-08-31");
        await new Ledgers(office).ActAsync(four, "reopen", new { reason = "回头看发现检务督察制度执行反弹" });

        Assert.Equal(twentieth, (await FigureRequests.FiguresAsync(office, roundId, "2024-07-20")).Figures);
        var now = (await FigureRequests.FiguresAsync(office, roundId)).Figures;
        Assert.Equal(new DateOnly(2024, 7, 25), now.AsOf);
        Assert.Equal(new ItemFigures(19, 17, 0, 2, 0, 1, 0, 1, 0, 56), now.Problems);
        Assert.Equal(0m, now.Problems.OnTimeRate);
        var lateOne = (await new Ledgers(office).DetailAsync(five.Id)).Item;
        Assert.Equal((ItemStatus.ClosedOut, true), (lateOne.Status, lateOne.ClosedLate));
    }

    /// <summary>Moves the clock to 10:00 in Beijing on <paramref name="day"/>; tokens of the day before have expired, so clients sign in again.</summary>
    private Task AtAsync(DateOnly day)
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        factory.SignInAgain();
        return Task.CompletedTask;
    }
}

/// <summary>The endpoint's answers on the shared host (2025年1月16日), and the ledger export's 统计 sheet.</summary>
public sealed class RoundFiguresApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    [Fact]
    public async Task The_export_of_a_round_carries_the_figures_of_its_day()
    {
        var office = factory.CreateClient();
        var roundId = await FigureRequests.ImportAsync(office, HuijiReport.Bytes(), "惠济.txt");
        var ledgers = new Ledgers(office);
        var problems = await FigureRequests.ProblemsAsync(office, roundId);
        var one = await ledgers.ActAsync(FigureRequests.State(problems[1]), "resume", new { reason = "学习测试未达标" });
        await (await office.PutJsonAsync($"/api/items/{one.Id}/assignment", new { version = one.Version, dueDate = "2025-01-10" })).ReadAsync<ItemState>();
        var two = await ledgers.ActAsync(FigureRequests.State(problems[2]), "resume", new { reason = "机制尚需长期坚持" });
        await ledgers.ActAsync(two, "partially-done", new { reason = "检察建议机制已建立，需长期坚持" });
        await (await office.PostJsonAsync($"/api/rounds/{roundId}/items", new { aspectId = problems[1].AspectId, title = "交办信访件一", kind = "Petition" })).ReadAsync<ItemState>();

        var (_, figures) = await FigureRequests.FiguresAsync(office, roundId);
        Assert.Equal(new DateOnly(2025, 1, 16), figures.AsOf);
        Assert.Equal(new ItemFigures(19, 17, 1, 1, 0, 0, 1, 1, 0, 55), figures.Problems);
        Assert.Equal(
            "截至2025年1月16日，巡察反馈的19个具体问题，已完成整改17个，阶段性完成整改1个，正在整改1个；交办信访件1件，正在办理1件。",
            figures.Sentence);

        var response = await office.GetAsync($"/api/items/export?roundId={roundId}&status=InProgress");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([LedgerWorkbook.SheetName, FiguresSheetLayout.SheetName], MiniExcel.GetSheetNames(workbook));
        workbook.Position = 0;
        var ledgerRows = MiniExcel.Query(workbook, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, ledgerRows.Count);
        workbook.Position = 0;
        var sheet = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: FiguresSheetLayout.SheetName)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()).Reverse().SkipWhile(v => v is null).Reverse().ToList())
            .ToList();

        // The whole sheet is the figures the API answers, laid out; and, read by eye, the counts of the problems.
        Assert.Equal(FiguresSheetLayout.Rows(figures).Select(r => r.ToList()), sheet);
        Assert.Equal("整改情况统计（截至2025年1月16日）", sheet[0][0]);
        Assert.Equal(figures.Sentence, sheet[1][0]);
        Assert.Equal(["反馈问题", "19", "55", "17", "1", "1", "0", "0", "1", "1", "0", "89.5%", "0%"], sheet[3]);
        Assert.Equal(["合计", "20", "55", "17", "1", "1", "1", "0", "1", "1", "0", "85%", "0%"], sheet[6]);
    }

    [Fact]
    public async Task A_department_export_has_no_figures_sheet_and_department_users_cannot_ask_for_figures()
    {
        var office = factory.CreateClient();
        var round = await new Ledgers(office).RoundAsync();
        var department = await new Ledgers(office).DepartmentAsync("第二检察部");
        var staff = factory.ClientFor(Roles.DepartmentStaff, department.Id);

        await (await staff.GetAsync($"/api/rounds/{round.Id}/figures")).ProblemAsync(403);
        using var workbook = new MemoryStream(await (await staff.GetAsync($"/api/items/export?roundId={round.Id}")).Content.ReadAsByteArrayAsync());
        Assert.Equal([LedgerWorkbook.SheetName], MiniExcel.GetSheetNames(workbook));

        foreach (var role in new[] { Roles.Leader, Roles.Supervisor, Roles.Admin })
        {
            var figures = (await FigureRequests.FiguresAsync(factory.ClientFor(role), round.Id)).Figures;
            Assert.Equal((1, 0), (figures.Aspects, figures.All.Total));
        }
    }

    [Fact]
    public async Task A_future_date_a_bad_date_and_an_unknown_round_are_refused()
    {
        var office = factory.CreateClient();
        var round = await new Ledgers(office).RoundAsync();

        var future = await (await office.GetAsync($"/api/rounds/{round.Id}/figures?asOf=2025-01-17")).ProblemAsync(400);
        Assert.Contains("不能晚于今天", future.GetProperty("errors").GetProperty("asOf")[0].GetString(), StringComparison.Ordinal);
        await (await office.GetAsync($"/api/rounds/{round.Id}/figures?asOf=2025-13-01")).ProblemAsync(400);
        await (await office.GetAsync($"/api/rounds/{Guid.NewGuid()}/figures?asOf=2025-01-16")).ProblemAsync(404);
    }
}
