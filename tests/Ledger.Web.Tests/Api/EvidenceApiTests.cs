using System.Net;
using System.Security.Cryptography;
using Ledger.Application.Auditing;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Microsoft.AspNetCore.Hosting;

namespace Ledger.Web.Tests.Api;

/// <summary>A host whose evidence limit is small enough to exceed cheaply.</summary>
public sealed class SmallEvidenceLimitFactory : LedgerApiFactory
{
    public const int MaxBytes = 64 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:Evidence:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class EvidenceApiTests(SmallEvidenceLimitFactory factory) : IClassFixture<SmallEvidenceLimitFactory>
{
    private string EvidenceDirectory => Path.Combine(factory.DataDirectory, "evidence");

    [Fact]
    public async Task A_department_uploads_evidence_and_everyone_in_scope_downloads_it_with_its_name_and_hash()
    {
        var (item, lead, _) = await AssignedItemAsync("会议纪要不全");
        var head = factory.ClientFor(Roles.DepartmentHead, lead);
        var content = Ledgers.Pdf("党组会议纪要");
        var measure = await AddMeasureAsync(item.Id);

        var after = await (await Ledgers.UploadAsync(head, item.Id, measure.Version, "2025年1月党组会议纪要.pdf", content, measure.MeasureId, "专题学习会议", "2025-01-10"))
            .ReadAsync<ItemState>();

        var detail = await new Ledgers(factory.CreateClient()).DetailAsync(item.Id);
        var evidence = Assert.Single(detail.Evidence);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(after.Version, detail.Item.Version);
        Assert.Equal(("2025年1月党组会议纪要.pdf", sha, (long)content.Length, "application/pdf"), (evidence.FileName, evidence.Sha256, evidence.SizeBytes, evidence.ContentType));
        Assert.Equal((measure.MeasureId, "专题学习会议", new DateOnly(2025, 1, 10)), (evidence.MeasureId, evidence.Note, evidence.EffectiveDate));
        Assert.Equal(LedgerApiFactory.Now.UtcDateTime, evidence.UploadedAt);
        Assert.True(File.Exists(Path.Combine(EvidenceDirectory, sha[..2], sha)));

        foreach (var reader in new[] { head, factory.CreateClient(), factory.ClientFor(Roles.Supervisor), factory.ClientFor(Roles.Leader) })
        {
            using var download = await reader.GetAsync($"/api/items/{item.Id}/evidence/{evidence.Id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("2025年1月党组会议纪要.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(sha, download.Headers.GetValues("X-Content-SHA256").Single());
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Evidence_outside_the_users_scope_is_not_found_and_readers_may_not_upload()
    {
        var (item, _, _) = await AssignedItemAsync("外部门看不到");
        var other = await new Ledgers(factory.CreateClient()).DepartmentAsync("无关部门");
        var upload = await Ledgers.UploadAsync(factory.CreateClient(), item.Id, item.Version, "纪要.pdf", Ledgers.Pdf("x"));
        var evidenceId = (await new Ledgers(factory.CreateClient()).DetailAsync(item.Id)).Evidence.Single().Id;
        var version = (await upload.ReadAsync<ItemState>()).Version;

        var outsider = factory.ClientFor(Roles.DepartmentHead, other.Id);
        await (await outsider.GetAsync($"/api/items/{item.Id}/evidence/{evidenceId}")).ProblemAsync(404);
        await (await Ledgers.UploadAsync(outsider, item.Id, version, "纪要.pdf", Ledgers.Pdf("y"))).ProblemAsync(404);
        await (await Ledgers.UploadAsync(factory.ClientFor(Roles.Supervisor), item.Id, version, "纪要.pdf", Ledgers.Pdf("z"))).ProblemAsync(403);
        await (await factory.CreateClient().GetAsync($"/api/items/{item.Id}/evidence/{Guid.NewGuid()}")).ProblemAsync(404);
    }

    public static TheoryData<string, string, int, string> BadUploads => new()
    {
        { "empty", "空文件.pdf", 400, "文件是空的" },
        { "too-large", "太大.pdf", 413, "大小上限" },
        { "exe", "工具.exe", 400, "不支持上传 .exe" },
        { "traversal", "../../x", 400, "没有扩展名" },
        { "disguised", "纪要.pdf", 400, "伪装的可执行文件" },
        { "mismatch", "照片.png", 400, "与扩展名 .png 不符" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_refused_with_a_clear_message_and_leaves_nothing_behind(string kind, string fileName, int status, string message)
    {
        var (item, lead, _) = await AssignedItemAsync($"坏文件-{kind}");
        var content = kind switch
        {
            "empty" => [],
            "too-large" => [.. Ledgers.Pdf("大"), .. new byte[SmallEvidenceLimitFactory.MaxBytes]],
            "disguised" => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, .. new byte[200]],
            _ => Ledgers.Pdf(kind),
        };
        var staff = factory.ClientFor(Roles.DepartmentStaff, lead);
        var audit = await AuditCountAsync();
        var filesBefore = StoredFiles();

        var response = await Ledgers.UploadAsync(staff, item.Id, item.Version, fileName, content);

        var problem = await response.ProblemAsync(status);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var detail = await new Ledgers(factory.CreateClient()).DetailAsync(item.Id);
        Assert.Empty(detail.Evidence);
        Assert.Equal(item.Version, detail.Item.Version);
        Assert.Equal(audit, await AuditCountAsync());
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task A_stale_or_refused_upload_removes_the_file_it_stored()
    {
        var (item, lead, _) = await AssignedItemAsync("版本已过期");
        var head = factory.ClientFor(Roles.DepartmentHead, lead);
        var current = await (await Ledgers.UploadAsync(head, item.Id, item.Version, "第一份.pdf", Ledgers.Pdf("第一份"))).ReadAsync<ItemState>();
        var filesBefore = StoredFiles();

        await (await Ledgers.UploadAsync(head, item.Id, item.Version, "第二份.pdf", Ledgers.Pdf("第二份"))).ProblemAsync(409);
        await (await Ledgers.UploadAsync(head, item.Id, current.Version, "第三份.pdf", Ledgers.Pdf("第三份"), measureId: Guid.NewGuid())).ProblemAsync(404);
        await (await Ledgers.UploadAsync(head, item.Id, current.Version, "第四份.pdf", Ledgers.Pdf("第四份"), effectiveDate: "2099-01-01")).ProblemAsync(400);

        Assert.Equal(filesBefore, StoredFiles());
        Assert.Single((await new Ledgers(factory.CreateClient()).DetailAsync(item.Id)).Evidence);
    }

    [Fact]
    public async Task Evidence_is_withdrawn_with_a_reason_before_a_close_out_request_and_never_after()
    {
        var (item, lead, _) = await AssignedItemAsync("撤回佐证");
        var head = factory.ClientFor(Roles.DepartmentHead, lead);
        var ledgers = new Ledgers(head);
        item = await ledgers.ActAsync(item, "start");
        item = await ledgers.ActAsync(item, "completed");
        item = await (await Ledgers.UploadAsync(head, item.Id, item.Version, "错的.pdf", Ledgers.Pdf("错的"))).ReadAsync<ItemState>();
        var wrong = (await ledgers.DetailAsync(item.Id)).Evidence.Single();

        await (await head.PostJsonAsync($"/api/items/{item.Id}/evidence/{wrong.Id}/withdraw", new { version = item.Version, reason = " " })).ProblemAsync(400);
        item = await (await head.PostJsonAsync($"/api/items/{item.Id}/evidence/{wrong.Id}/withdraw", new { version = item.Version, reason = "上传错了文件" }))
            .ReadAsync<ItemState>();
        await (await head.PostJsonAsync($"/api/items/{item.Id}/close-out/request", new { version = item.Version, summary = "已整改" })).ProblemAsync(409);

        item = await (await Ledgers.UploadAsync(head, item.Id, item.Version, "对的.pdf", Ledgers.Pdf("对的"))).ReadAsync<ItemState>();
        item = await ledgers.ActAsync(item, "close-out/request", new { summary = "已整改" });
        var right = (await ledgers.DetailAsync(item.Id)).Evidence.Single(e => e.FileName == "对的.pdf");
        var refused = await (await head.PostJsonAsync($"/api/items/{item.Id}/evidence/{right.Id}/withdraw", new { version = item.Version, reason = "想换" }))
            .ProblemAsync(409);
        Assert.Contains("不能撤回", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var detail = await ledgers.DetailAsync(item.Id);
        var withdrawn = detail.Evidence.Single(e => e.Id == wrong.Id);
        Assert.Equal("上传错了文件", withdrawn.WithdrawalReason);
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.NotNull(detail.Evidence.Single(e => e.Id == right.Id).SubmittedAt);
        using var kept = await head.GetAsync($"/api/items/{item.Id}/evidence/{wrong.Id}");
        Assert.Equal(Ledgers.Pdf("错的"), await kept.Content.ReadAsByteArrayAsync());
    }

    private async Task<(ItemState Item, Guid Lead, Guid Leader)> AssignedItemAsync(string title)
    {
        var office = factory.CreateClient();
        var ledgers = new Ledgers(office);
        var lead = await ledgers.DepartmentAsync($"牵头部门-{title}");
        var leader = await ledgers.PersonAsync($"领导-{title}", isLeader: true);
        var item = await ledgers.ItemAsync(await ledgers.RoundAsync(), title);
        item = await (await office.PutJsonAsync($"/api/items/{item.Id}/assignment", new
        {
            version = item.Version,
            leadDepartmentId = lead.Id,
            responsibleLeaderId = leader.Id,
            dueDate = "2025-03-31",
        })).ReadAsync<ItemState>();
        return (item, lead.Id, leader.Id);
    }

    private async Task<(Guid MeasureId, Guid Version)> AddMeasureAsync(Guid itemId)
    {
        var office = factory.CreateClient();
        var version = (await new Ledgers(office).DetailAsync(itemId)).Item.Version;
        var state = await (await office.PostJsonAsync($"/api/items/{itemId}/measures", new { version, text = "组织专题学习" })).ReadAsync<ItemState>();
        return ((await new Ledgers(office).DetailAsync(itemId)).Measures.Single().Id, state.Version);
    }

    private async Task<int> AuditCountAsync() =>
        (await (await factory.ClientFor(Roles.Supervisor).GetAsync("/api/audit?pageSize=1")).ReadAsync<PagedResult<AuditRecordDto>>()).TotalCount;

    private string[] StoredFiles() =>
        Directory.Exists(EvidenceDirectory)
            ? [.. Directory.EnumerateFiles(EvidenceDirectory, "*", SearchOption.AllDirectories).Order()]
            : [];
}
