using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Importing;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using MiniExcelLibs;

namespace Ledger.Web.Tests.Api;

public sealed class LedgerSheetFixture : LedgerApiFactory, IAsyncLifetime
{
    public Saved Office { get; private set; } = null!;

    public Saved Leader { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ledgers = new Ledgers(CreateClient());
        Office = await ledgers.DepartmentAsync("办公室");
        await ledgers.DepartmentAsync("政治部");
        Leader = await ledgers.PersonAsync("张检察长", isLeader: true);
        await ledgers.PersonAsync("李四");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The Excel 台账 read back: each test works on a round of its own, entered through the API and exported through it.</summary>
public sealed class LedgerSheetImportApiTests(LedgerSheetFixture fixture) : IClassFixture<LedgerSheetFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task An_exported_ledger_imports_back_unchanged()
    {
        var round = await RoundWithItemsAsync();
        var before = await DetailsAsync(round);

        var result = await (await ImportAsync(round, Xlsx(await ExportAsync(round)))).ReadAsync<SheetImportResult>();

        Assert.True(result.Committed);
        Assert.Equal((0, 0, 3, 0), (result.Created, result.Updated, result.Unchanged, result.Skipped));
        Assert.All(result.Rows, r => Assert.Equal(SheetRowAction.Unchanged, r.Action));
        var after = await DetailsAsync(round);
        Assert.Equal(before.Select(d => (d.Item.Version, d.History.Count)), after.Select(d => (d.Item.Version, d.History.Count)));
        Assert.Equal(await ExportAsync(round), await ExportAsync(round));
    }

    [Fact]
    public async Task Changed_cells_update_their_items_and_new_rows_create_items_after_a_dry_run_that_writes_nothing()
    {
        var round = await RoundWithItemsAsync();
        var rows = await ExportAsync(round);
        var first = rows[2];
        first["D"] = "建立学习制度\n开展专题学习";
        first["F"] = "政治部、办公室";
        first["G"] = "李四";
        first["H"] = "2025-02-28";
        first["I"] = "整改中";
        first["J"] = "2025年1月15日：已起草学习制度";
        rows.Add(Row("立行立改1", "制度执行方面", "公车管理台账缺失：未按规定登记", "补建台账", null, "办公室", null, "长期坚持", "已完成", null));
        var sheet = Xlsx(rows);

        var preview = await (await ImportAsync(round, sheet, "dryRun=true")).ReadAsync<SheetImportResult>();

        Assert.False(preview.Committed);
        Assert.Equal((1, 1, 2), (preview.Created, preview.Updated, preview.Unchanged));
        Assert.Equal(["整改措施", "责任部门", "责任人", "整改时限", "整改状态", "进展情况"], preview.Rows[0].ChangedColumns);
        Assert.Equal((6, "立行立改1", SheetRowAction.Create), (preview.Rows[^1].Row, preview.Rows[^1].Number, preview.Rows[^1].Action));
        Assert.Equal(3, (await DetailsAsync(round)).Count);

        var result = await (await ImportAsync(round, sheet)).ReadAsync<SheetImportResult>();

        Assert.True(result.Committed);
        var items = await DetailsAsync(round);
        var updated = items[0];
        Assert.Equal(("政治部", "李四", new DateOnly(2025, 2, 28), "InProgress"), (updated.Item.LeadDepartmentName, updated.Item.ResponsiblePersonName, updated.Item.DueDate, updated.Item.Status.ToString()));
        Assert.Equal(["办公室"], updated.CoDepartments.Select(d => d.Name));
        Assert.Equal(["建立学习制度", "开展专题学习"], updated.Measures.Select(m => m.Text));
        Assert.Equal((new DateOnly(2025, 1, 15), "已起草学习制度"), (updated.ProgressReports[^1].ReportDate, updated.ProgressReports[^1].Progress));
        Assert.Contains(updated.History, h => h.Summary.StartsWith("调整整改时限（第1次）：2025年1月10日 → ", StringComparison.Ordinal) && h.Reason == "按导入的台账调整");
        var created = items.Single(i => i.Item.Kind == Domain.Items.ItemKind.ImmediateFix);
        Assert.Equal(("公车管理台账缺失", "未按规定登记", "Completed", true), (created.Item.Title, created.Description, created.Item.Status.ToString(), created.Item.IsLongTerm));
        Assert.All(created.Measures, m => Assert.Equal(new DateOnly(2025, 1, 16), m.CompletedOn));

        var again = await (await ImportAsync(round, Xlsx(await ExportAsync(round)))).ReadAsync<SheetImportResult>();
        Assert.Equal(4, again.Unchanged);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_row_and_column_and_nothing_is_written_unless_skipping_is_accepted()
    {
        var round = await RoundWithItemsAsync();
        var rows = await ExportAsync(round);
        rows[2]["F"] = "纪检组";
        rows[2]["H"] = "下个月";
        rows[3]["D"] = "换了一条措施";
        rows[4]["I"] = "已销号";
        rows[4]["G"] = "李四";
        rows.Add(Row("6", "作风方面", "新问题", null, null, null, null, null, null, null));
        rows.Add(Row("7", "制度执行方面", "会议记录不全", null, "张检察长", "办公室", null, "2025年3月31日", null, null));
        var sheet = Xlsx(rows);

        var problem = await (await ImportAsync(round, sheet)).ProblemAsync(400);

        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["第3行·整改时限", "第3行·责任部门", "第4行·整改措施", "第5行·整改状态", "第6行·方面"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("纪检组", errors.GetProperty("第3行·责任部门")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await DetailsAsync(round)).Count);

        var preview = await (await ImportAsync(round, sheet, "dryRun=true")).ReadAsync<SheetImportResult>();
        Assert.Equal(5, preview.Errors.Count);
        Assert.Equal((1, 4), (preview.Created, preview.Skipped));

        var skipped = await (await ImportAsync(round, sheet, "skipInvalidRows=true")).ReadAsync<SheetImportResult>();

        Assert.True(skipped.Committed);
        var items = await DetailsAsync(round);
        Assert.Equal(["理论学习不深入", "干部轮岗不及时", "经费管理不规范", "会议记录不全"], items.Select(i => i.Item.Title));
        Assert.Equal("办公室", items[0].Item.LeadDepartmentName);
        Assert.Null(items[2].Item.ResponsiblePersonName);
    }

    [Fact]
    public async Task A_sheet_older_than_a_change_does_not_overwrite_it()
    {
        var round = await RoundWithItemsAsync();
        var rows = await ExportAsync(round);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var item = (await DetailsAsync(round))[0];
        await new Ledgers(_client).ActAsync(new ItemState(item.Item.Id, item.Item.Version, item.Item.Status, item.Item.StatusText), "start");
        rows[2]["H"] = "2025-03-31";

        var problem = await (await ImportAsync(round, Xlsx(rows))).ProblemAsync(400);

        Assert.Contains("重新导出", problem.GetProperty("errors").GetProperty("第3行·序号")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 1, 10), (await DetailsAsync(round))[0].Item.DueDate);
    }

    [Fact]
    public async Task Files_that_are_not_a_ledger_are_refused()
    {
        var round = await RoundWithItemsAsync();

        var notExcel = await (await ImportAsync(round, "这不是表格"u8.ToArray())).ProblemAsync(400);
        var noHeader = await (await ImportAsync(round, Xlsx([Row("甲", "乙")]))).ProblemAsync(400);
        var missingColumn = await (await ImportAsync(round, Xlsx([new() { ["A"] = "序号", ["B"] = "问题" }]))).ProblemAsync(400);
        var unknownRound = await ImportAsync(Guid.NewGuid(), Xlsx(await ExportAsync(round)));

        Assert.Contains(".xlsx", notExcel.GetProperty("errors").GetProperty("content")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("表头", noHeader.GetProperty("errors").GetProperty("content")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("“方面”", missingColumn.GetProperty("errors").GetProperty("content")[0].GetString(), StringComparison.Ordinal);
        await unknownRound.ProblemAsync(404);
    }

    /// <summary>
    /// 1 理论学习不深入 (政治建设方面, 办公室, 张检察长, due 2025年1月10日, a measure), 2 干部轮岗不及时 (制度执行方面, in progress, two measures),
    /// 3 经费管理不规范 (制度执行方面, long-term, a progress report).
    /// </summary>
    private async Task<RoundDto> RoundWithItemsAsync()
    {
        var ledgers = new Ledgers(_client);
        var round = await ledgers.RoundAsync("政治建设方面", "制度执行方面");

        var first = await ledgers.ItemAsync(round, "理论学习不深入", 0);
        first = await (await _client.PutJsonAsync($"/api/items/{first.Id}/assignment", new
        {
            version = first.Version,
            leadDepartmentId = fixture.Office.Id,
            responsibleLeaderId = fixture.Leader.Id,
            dueDate = "2025-01-10",
        })).ReadAsync<ItemState>();
        await (await _client.PostJsonAsync($"/api/items/{first.Id}/measures", new { version = first.Version, text = "建立学习制度" })).ReadAsync<ItemState>();

        var second = await ledgers.ItemAsync(round, "干部轮岗不及时", 1);
        second = await (await _client.PostJsonAsync($"/api/items/{second.Id}/measures", new { version = second.Version, text = "制定轮岗计划" })).ReadAsync<ItemState>();
        second = await (await _client.PostJsonAsync($"/api/items/{second.Id}/measures", new { version = second.Version, text = "完成首批轮岗" })).ReadAsync<ItemState>();
        await ledgers.ActAsync(second, "start");

        var third = await ledgers.ItemAsync(round, "经费管理不规范", 1);
        third = await (await _client.PutJsonAsync($"/api/items/{third.Id}/assignment", new { version = third.Version, isLongTerm = true })).ReadAsync<ItemState>();
        await (await _client.PostJsonAsync($"/api/items/{third.Id}/progress", new { version = third.Version, reportDate = "2025-01-14", progress = "已完成经费自查" })).ReadAsync<ItemState>();
        return round;
    }

    private async Task<List<ItemDetailDto>> DetailsAsync(RoundDto round)
    {
        var page = await _client.GetFromJsonAsync<Application.Common.PagedResult<ItemListDto>>($"/api/items?roundId={round.Id}", LedgerApiFactory.Json);
        var details = new List<ItemDetailDto>();
        foreach (var item in page!.Items.OrderBy(i => i.Kind).ThenBy(i => i.Number))
        {
            details.Add(await new Ledgers(_client).DetailAsync(item.Id));
        }

        return details;
    }

    private async Task<List<Dictionary<string, object?>>> ExportAsync(RoundDto round)
    {
        using var stream = new MemoryStream(await _client.GetByteArrayAsync($"/api/items/export?roundId={round.Id}"));
        return [.. MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r))];
    }

    /// <summary>A row typed into the sheet: the importable columns given, the rest (催办次数) left blank as the export's columns.</summary>
    private static Dictionary<string, object?> Row(params string?[] cells) =>
        Enumerable.Range(0, LedgerSheetLayout.ExportHeaders.Count).ToDictionary(i => ((char)('A' + i)).ToString(), i => (object?)(i < cells.Length ? cells[i] : null));

    private static byte[] Xlsx(List<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false);
        return stream.ToArray();
    }

    private Task<HttpResponseMessage> ImportAsync(RoundDto round, byte[] sheet, string query = "") => ImportAsync(round.Id, sheet, query);

    private async Task<HttpResponseMessage> ImportAsync(Guid roundId, byte[] sheet, string query = "")
    {
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { file, "file", "整改台账.xlsx" } };
        return await _client.PostAsync($"/api/rounds/{roundId}/ledger-sheet?{query}", form);
    }
}
