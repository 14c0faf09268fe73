using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Application.Rounds;
using Ledger.Testing;

namespace Ledger.Web.Tests.Api;

public sealed class ImportApiTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static MultipartFormDataContent Upload(byte[] content, string name) => HttpJson.Upload(content, name, "text/plain");

    private static byte[] Seed(string name) => File.ReadAllBytes(RepositoryFiles.Seed(name));


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
