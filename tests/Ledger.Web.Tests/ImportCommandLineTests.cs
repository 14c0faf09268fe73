using System.Security.Cryptography;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Web.Tests;

public sealed class ImportCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-cli").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private static string Seed(string name) => RepositoryFiles.Seed(name);


    private Task<int> Run(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Ledger:DataDirectory"] = Path.Combine(_folder, "data");
        return ImportCommandLine.RunAsync(["import", .. args], builder.AddLedger(), _out, _err);
    }

    [Fact]
    public async Task Json_output_has_the_documented_shape()
    {
        Assert.Equal(0, await Run(Seed("002_bc7ac9455876ebe8.txt"), "--dry-run", "--json"));

        var root = JsonDocument.Parse(_out.ToString()).RootElement;
        var round = root.GetProperty("round");
        Assert.Equal("市委第三巡察组", round.GetProperty("inspectingTeam").GetString());
        Assert.Equal("2024-07-18", round.GetProperty("feedbackDate").GetString());
        Assert.Equal("2025-01-16", round.GetProperty("reportDate").GetString());
        var aspects = root.GetProperty("aspects");
        Assert.Equal(4, aspects.GetArrayLength());
        var item = aspects[0].GetProperty("items")[0];
        foreach (var key in new[] { "number", "title", "description", "status", "measures", "responsibleLeader", "leadDepartment", "coDepartments", "deadline" })
        {
            Assert.True(item.TryGetProperty(key, out _), key);
        }

        Assert.Equal(JsonValueKind.Null, item.GetProperty("status").ValueKind);
        Assert.True(item.GetProperty("measures")[0].TryGetProperty("leadDepartment", out _));
        var summary = root.GetProperty("summary");
        Assert.Equal(("2025-01-16", 40, 24, 16, 4, 20), (
            summary.GetProperty("asOf").GetString(), summary.GetProperty("total").GetInt32(), summary.GetProperty("completed").GetInt32(),
            summary.GetProperty("partiallyDone").GetInt32(), summary.GetProperty("immediateFixes").GetInt32(), summary.GetProperty("petitions").GetInt32()));
        var warning = root.GetProperty("warnings")[3];
        Assert.Equal((3, JsonValueKind.Null), (warning.GetProperty("line").GetInt32(), warning.GetProperty("cell").ValueKind));
        Assert.Equal("ProgressReport", root.GetProperty("genre").GetString());
    }

    [Fact]
    public async Task Statuses_and_long_term_deadlines_are_written_as_the_contract_says()
    {
        var file = Path.Combine(_folder, "plan.txt");
        File.WriteAllText(file, "市委第一巡察组对某院党组进行了巡察。\n二、问题整改情况\n(一)作风方面\n1.会风不严。\n整改结果:阶段性完成\n整改时限:长期坚持\n");

        Assert.Equal(0, await Run(file, "--dry-run", "--json"));

        var item = JsonDocument.Parse(_out.ToString()).RootElement.GetProperty("aspects")[0].GetProperty("items")[0];
        Assert.Equal(("PartiallyDone", "long-term"), (item.GetProperty("status").GetString(), item.GetProperty("deadline").GetString()));
    }

    [Fact]
    public async Task A_docx_report_is_read_paragraph_by_paragraph()
    {
        var file = Path.Combine(_folder, "report.docx");
        using (var document = WordprocessingDocument.Create(file, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var text in File.ReadAllLines(Seed("000_a214ae62bcaa29c6.txt")))
            {
                body.Append(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            }

            document.AddMainDocumentPart().Document = new Document(body);
        }

        Assert.Equal(0, await Run(file, "--dry-run"));

        Assert.Contains("巡察组：市委提级巡察第四组", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("方面 6 个，问题 19 个", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_lists_the_names_no_list_holds_with_the_problems_and_lines_naming_them()
    {
        Assert.Equal(0, await Run(RepositoryFiles.Path("tests", "corpus", "07-university-plan.txt"), "--dry-run"));

        var lines = _out.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var first = lines.IndexOf("名单中没有的名称 10 个（导入后不分配）");
        Assert.True(first >= 0, _out.ToString());
        Assert.Equal(
            ["  部门“教务处”：问题1（第7行）", "  部门“各学院”：问题1（第7行）", "  责任领导“王建国”：问题1（第7行）"],
            lines.Skip(first + 1).Take(3));
        Assert.Contains("  责任领导“赵明”：问题3、4（第14、17行）", lines);
    }

    [Fact]
    public async Task Unreadable_input_exits_non_zero_with_a_message_on_stderr()
    {
        var binary = Path.Combine(_folder, "x.bin");
        File.WriteAllBytes(binary, [0, 1, 2, 3, 0, 0, 0, 5, 0, 0, 0, 0, 9, 0, 0, 0]);
        var fakeDocx = Path.Combine(_folder, "fake.docx");
        File.WriteAllText(fakeDocx, "not a word file");

        Assert.Equal(1, await Run(Path.Combine(_folder, "missing.txt"), "--dry-run"));
        Assert.Equal(1, await Run(binary, "--dry-run"));
        Assert.Equal(1, await Run(fakeDocx, "--dry-run", "--json"));
        Assert.Equal(2, await Run("--dry-run"));
        Assert.Equal(string.Empty, _out.ToString());
        Assert.Contains("找不到文件", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains("不是可读的文本", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains("不是有效的 Word", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains("用法", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_creates_the_round_once_and_recognises_the_same_document_again()
    {
        var file = Seed("000_a214ae62bcaa29c6.txt");

        Assert.Equal(0, await Run(file));
        Assert.Equal(0, await Run(file));

        var output = _out.ToString();
        Assert.Contains("已导入，巡察轮次", output, StringComparison.Ordinal);
        Assert.Contains("该文件已导入过", output, StringComparison.Ordinal);
        await using var db = new SqliteLedgerDbContext(new DbContextOptionsBuilder<SqliteLedgerDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "data", "ledger.db")}").Options);
        var round = await db.Rounds.Include(r => r.Aspects).SingleAsync();
        Assert.Equal(("市委提级巡察第四组", 6), (round.InspectingTeam, round.Aspects.Count));
        Assert.Equal(19, await db.Items.CountAsync(i => i.Status == ItemStatus.Completed));
        Assert.Equal(55, await db.Items.SelectMany(i => i.Measures).CountAsync(m => m.CompletedOn != null));
        var document = await db.SourceDocuments.SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))), document.Sha256);
        Assert.StartsWith("命令行导入", (await db.AuditRecords.SingleAsync()).Actor, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
