using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ledger.Application.Auditing;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Application.Rounds;
using Ledger.Testing;

namespace Ledger.Web.Tests.Api;

public sealed class ImportApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static MultipartFormDataContent Upload(byte[] content, string name) => HttpJson.Upload(content, name, "text/plain");

    private static byte[] Seed(string name) => File.ReadAllBytes(RepositoryFiles.Seed(name));

    /// <summary>A plan naming two departments, a leader and a person the organisation lists do not hold, and one they do.</summary>
    private const string PlanNamingStrangers = """
        县委第二巡察组于2024年4月1日至5月31日对县统计局党组进行了巡察，并于2024年6月20日反馈了巡察意见。
        一、巡察反馈问题整改情况
        （一）党的建设方面
        1.会风不严，会议多而不精。
        责任领导：钱国庆
        责任单位：综合股
        整改时限：2024年12月31日
        2.文风不实，材料照搬照抄。
        责任领导：钱国庆
        责任单位：统计调查股
        配合单位：综合股
        责任人：孙小梅
        3.学习流于形式。
        责任单位：县统计局办公室
        """;


    [Fact]
    public async Task Preview_then_commit_then_the_same_file_again()
    {
        var content = Seed("001_73f4c097e75b81dc.txt");

        var preview = await _client.PostAsync("/api/imports?dryRun=true", Upload(content, "东莞.txt"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var draft = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("roundId").ValueKind);
        Assert.Equal(19, draft.GetProperty("itemCount").GetInt32());
        Assert.Equal("市委第三巡察组", draft.GetProperty("draft").GetProperty("round").GetProperty("inspectingTeam").GetString());

        var created = await _client.PostAsync("/api/imports", Upload(content, "东莞.txt"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await _client.GetFromJsonAsync<RoundDto>(created.Headers.Location, LedgerApiFactory.Json);
        Assert.Equal((5, 19), (round!.Aspects.Count, round.ItemCount));

        var again = await _client.PostAsync("/api/imports", Upload(content, "副本.txt"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.True(repeat.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(round.Id, repeat.GetProperty("roundId").GetGuid());
    }

    [Fact]
    public async Task The_preview_names_unknown_names_where_they_occur_and_the_commit_maps_creates_or_leaves_them_and_audits_it()
    {
        var ledgers = new Ledgers(_client);
        var office = await ledgers.DepartmentAsync("县统计局办公室");
        var statistics = await ledgers.DepartmentAsync("统计股");

        var preview = await (await _client.PostJsonAsync("/api/imports/text?dryRun=true", new { text = PlanNamingStrangers })).ReadAsync<JsonElement>();

        Assert.Equal(
            ["Department 综合股 1、2 @4、8", "Leader 钱国庆 1、2 @4、8", "Department 统计调查股 2 @8", "Person 孙小梅 2 @8"],
            preview.GetProperty("unknownNames").EnumerateArray().Select(Described));

        // 综合股 is the office's 统计股 by another name, 统计调查股 and the leader are new, 孙小梅 is left to assign later.
        var created = await _client.PostJsonAsync("/api/imports/text", new
        {
            text = PlanNamingStrangers,
            round = new { inspectionStart = "2024-04-02", feedbackDate = "2024-06-21" },
            names = new object[]
            {
                new { kind = "Department", name = "综合股", existingId = statistics.Id },
                new { kind = "Department", name = "统计调查股", create = true },
                new { kind = "Leader", name = "钱国庆", create = true },
            },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var result = await created.ReadAsync<JsonElement>();
        Assert.Equal(["Person 孙小梅 2 @8"], result.GetProperty("unknownNames").EnumerateArray().Select(Described));
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("message").GetString() == "人员“孙小梅”不在人员名单中，未分配，请在台账中指定。");
        var round = await _client.GetFromJsonAsync<RoundDto>(created.Headers.Location, LedgerApiFactory.Json);
        Assert.Equal((new DateOnly(2024, 4, 2), new DateOnly(2024, 5, 31), new DateOnly(2024, 6, 21)), (round!.InspectionStart, round.InspectionEnd, round.FeedbackDate));

        var departments = (await _client.GetFromJsonAsync<List<DepartmentDto>>("/api/departments", LedgerApiFactory.Json))!;
        var survey = Assert.Single(departments, d => d.Name == "统计调查股");
        Assert.DoesNotContain(departments, d => d.Name == "综合股");
        var leader = Assert.Single((await _client.GetFromJsonAsync<List<PersonDto>>("/api/people", LedgerApiFactory.Json))!, p => p.Name == "钱国庆");
        Assert.True(leader.IsLeader);

        var items = (await _client.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={round.Id}&pageSize=10", LedgerApiFactory.Json))!.Items
            .OrderBy(i => i.Number).ToList();
        Assert.Equal(
            [(statistics.Id, leader.Id, (Guid?)null), (survey.Id, leader.Id, null), (office.Id, null, null)],
            items.Select(i => (i.LeadDepartmentId!.Value, i.ResponsibleLeaderId, i.ResponsiblePersonId)));
        var second = await ledgers.DetailAsync(items[1].Id);
        Assert.Equal([statistics.Id], second.CoDepartments.Select(c => c.Id));

        var audit = await (await factory.ClientFor(Roles.Supervisor).GetAsync($"/api/audit?entityId={round.Id}")).ReadAsync<PagedResult<AuditRecordDto>>();
        var record = Assert.Single(audit.Items, r => r.Action == "ImportReport");
        Assert.Equal("导入时名称对应：部门“综合股”对应“统计股”；新建部门“统计调查股”；新建责任领导“钱国庆”。", record.Reason);
        var added = record.Changes.EnumerateArray().Where(c => c.GetProperty("State").GetString() == "Added").Select(c => c.GetProperty("Entity").GetString()).ToList();
        Assert.Contains("Department", added);
        Assert.Contains("Person", added);

        static string Described(JsonElement name) =>
            $"{name.GetProperty("kind").GetString()} {name.GetProperty("name").GetString()} " +
            $"{string.Join("、", name.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()))} @{string.Join("、", name.GetProperty("lines").EnumerateArray().Select(i => i.GetInt32()))}";
    }

    [Fact]
    public async Task A_choice_the_import_cannot_follow_is_a_400_naming_it_and_creates_nothing()
    {
        var before = (await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!.Count;
        var people = (await _client.GetFromJsonAsync<List<PersonDto>>("/api/people", LedgerApiFactory.Json))!.Count;

        async Task<JsonElement> RefusedAsync(object choice) =>
            (await (await _client.PostJsonAsync("/api/imports/text", new { text = PlanNamingStrangers, names = new[] { choice } })).ProblemAsync(400)).GetProperty("errors");

        var missing = await RefusedAsync(new { kind = "Department", name = "综合股", existingId = Guid.NewGuid() });
        Assert.Equal("所选部门不存在或已停用。", missing.GetProperty("names[0].existingId")[0].GetString());
        var stranger = await RefusedAsync(new { kind = "Person", name = "王五", create = true });
        Assert.Equal("文档中没有需要对应的责任人“王五”。", stranger.GetProperty("names[0].name")[0].GetString());
        var both = await RefusedAsync(new { kind = "Leader", name = "钱国庆", existingId = Guid.NewGuid(), create = true });
        Assert.Equal("请在“对应已有”和“新建”中选择一项。", Assert.Single(both.EnumerateObject()).Value[0].GetString());

        // The upload takes the same choices as a JSON form field.
        var form = Upload(Encoding.UTF8.GetBytes(PlanNamingStrangers), "方案.txt");
        form.Add(new StringContent("综合股"), "names");
        var malformed = await (await _client.PostAsync("/api/imports", form)).ProblemAsync(400);
        Assert.StartsWith("names 须为 JSON 数组", malformed.GetProperty("errors").GetProperty("names")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal(before, (await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!.Count);
        Assert.Equal(people, (await _client.GetFromJsonAsync<List<PersonDto>>("/api/people", LedgerApiFactory.Json))!.Count);
    }

    [Fact]
    public async Task An_upload_maps_a_name_through_its_names_field()
    {
        var finance = await new Ledgers(_client).DepartmentAsync("财务审计股");
        var form = Upload(Encoding.UTF8.GetBytes(PlanNamingStrangers.Replace("县统计局办公室", "县统计局机关办", StringComparison.Ordinal)), "方案.txt");
        form.Add(new StringContent($$"""[{"kind":"Department","name":"县统计局机关办","existingId":"{{finance.Id}}"}]"""), "names");

        var created = await _client.PostAsync("/api/imports", form);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var roundId = (await created.ReadAsync<JsonElement>()).GetProperty("roundId").GetGuid();
        var third = Assert.Single((await _client.GetFromJsonAsync<PagedResult<ItemListDto>>($"/api/items?roundId={roundId}", LedgerApiFactory.Json))!.Items, i => i.Number == 3);
        Assert.Equal("财务审计股", third.LeadDepartmentName);
    }

    [Fact]
    public async Task Pasted_text_can_be_previewed()
    {
        var response = await _client.PostJsonAsync("/api/imports/text?dryRun=true", new
        {
            text = "市委第一巡察组对某院党组进行了巡察。\n二、问题整改情况\n(一)作风方面\n1.会风不严。\n整改结果:完成",
        });

        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Completed", result.GetProperty("draft").GetProperty("aspects")[0].GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_list_without_an_introduction_imports_with_the_round_the_office_fills_in()
    {
        var content = File.ReadAllBytes(RepositoryFiles.Path("tests", "corpus", "14-problem-list-without-introduction.txt"));
        var form = Upload(content, "问题清单.txt");
        form.Add(new StringContent("县委第三巡察组"), "inspectingTeam");
        form.Add(new StringContent("县人社局党组"), "inspectedUnit");
        form.Add(new StringContent("2024-06-20"), "feedbackDate");

        var created = await _client.PostAsync("/api/imports", form);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await _client.GetFromJsonAsync<RoundDto>(created.Headers.Location, LedgerApiFactory.Json);
        Assert.Equal(("县委第三巡察组", "县人社局党组", new DateOnly(2024, 6, 20), 5), (round!.InspectingTeam, round.InspectedUnit, round.FeedbackDate, round.ItemCount));
        var result = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(
            result.GetProperty("warnings").EnumerateArray(),
            w => w.GetProperty("message").GetString()!.StartsWith("未找到巡察概况段落", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_uploads_are_400_with_the_reason_and_create_nothing()
    {
        var before = (await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!.Count;
        var binary = await (await _client.PostAsync("/api/imports", Upload([0, 159, 146, 150, 0, 0, 1, 2, 0, 0, 0, 0], "x.txt"))).ProblemAsync(400);
        Assert.Contains("不是可读的文本", binary.GetProperty("errors").GetProperty("content")[0].GetString(), StringComparison.Ordinal);
        var none = await (await _client.PostAsync("/api/imports", new MultipartFormDataContent { { new StringContent("x"), "other" } })).ProblemAsync(400);
        Assert.True(none.GetProperty("errors").TryGetProperty("file", out _));
        var empty = await (await _client.PostJsonAsync("/api/imports/text", new { text = "" })).ProblemAsync(400);
        Assert.True(empty.GetProperty("errors").TryGetProperty("content", out _));

        Assert.Equal(before, (await _client.GetFromJsonAsync<List<RoundSummaryDto>>("/api/rounds", LedgerApiFactory.Json))!.Count);
    }
}
