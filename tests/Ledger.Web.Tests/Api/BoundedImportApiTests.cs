using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Ledger.Testing;

namespace Ledger.Web.Tests.Api;

/// <summary>Issue 17's crafted documents through the host: each answers 400 in seconds, naming the limit it broke.</summary>
public sealed class BoundedImportApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static MultipartFormDataContent Upload(byte[] content, string name) => HttpJson.Upload(content, name);

    [Fact]
    public async Task A_sheet_claiming_cell_XFD1_and_row_2000_answers_400_in_seconds_on_both_imports()
    {
        var round = await new Ledgers(_client).RoundAsync("作风建设方面");
        var file = OfficeFiles.SheetClaimingFarCells();
        var watch = Stopwatch.StartNew();

        var sheet = await (await _client.PostAsync($"/api/rounds/{round.Id}/ledger-sheet?dryRun=true", Upload(file, "台账.xlsx"))).ProblemAsync(400);
        var import = await (await _client.PostAsync("/api/imports?dryRun=true", Upload(file, "台账.xlsx"))).ProblemAsync(400);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal("表格单元格 XFD1 超出 64 列的上限，未导入。", sheet.GetProperty("errors").GetProperty("content")[0].GetString());
        Assert.Equal("表格单元格 XFD1 超出 64 列的上限，未导入。", import.GetProperty("errors").GetProperty("content")[0].GetString());
    }

    [Fact]
    public async Task A_docx_inflating_to_50_MB_answers_400_in_seconds()
    {
        var file = OfficeFiles.InflatingDocx(50);
        var watch = Stopwatch.StartNew();

        var problem = await (await _client.PostAsync("/api/imports?dryRun=true", Upload(file, "整改方案.docx"))).ProblemAsync(400);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal(
            "文档的文字超过 2,000,000 个字符的上限，可能是损坏或特制的文件，未导入。",
            problem.GetProperty("errors").GetProperty("content")[0].GetString());
    }

    [Fact]
    public async Task A_pasted_report_of_one_megabyte_line_answers_400_in_seconds()
    {
        var text = "市委第三巡察组对某院党组进行了巡察。\n" + new StringBuilder().Insert(0, "1.关于“", 1024 * 1024 / 5);
        var watch = Stopwatch.StartNew();

        var problem = await (await _client.PostJsonAsync("/api/imports/text?dryRun=true", new { text })).ProblemAsync(400);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal(
            "第2行有 1,048,575 个字符，超过每行 20,000 个字符的上限（可能是没有换行的网页源码或特制的文本），未导入。",
            problem.GetProperty("errors").GetProperty("content")[0].GetString());
    }
}
