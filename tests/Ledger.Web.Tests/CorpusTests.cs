using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Application.Rounds;
using Ledger.Testing;
using Microsoft.AspNetCore.Builder;

namespace Ledger.Web.Tests;

/// <summary>
/// tests/corpus: documents of the genre written in the styles units publish — feedback letters, plans as text and
/// as Word tables, progress reports in every usual numbering, a web page's source, other units' Excel 台账 — each
/// with its structure counted by hand in the JSON beside it. Each reads as counted through the command line and
/// the API, imports for real, and is recognised when sent again.
/// </summary>
public sealed class CorpusTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>, IDisposable
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-corpus").FullName;

    public static TheoryData<string> Documents() => new(Names());

    [Fact]
    public void The_corpus_has_at_least_fifteen_documents_of_every_genre()
    {
        Assert.True(Names().Count >= 15, $"{Names().Count} documents");
        Assert.Equal(
            ["FeedbackLetter", "LedgerSheet", "ProgressReport", "RectificationPlan", "TaskTable"],
            Names().Select(n => Expected(n).GetProperty("genre").GetString()).Distinct().Order(StringComparer.Ordinal));
    }

    private static List<string> Names() =>
        Directory.GetFiles(RepositoryFiles.Path("tests", "corpus"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Reads_as_counted_by_hand_through_the_command_line(string name)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Ledger:DataDirectory"] = Path.Combine(_folder, "data");

        var exit = await ImportCommandLine.RunAsync(["import", File(name), "--dry-run", "--json"], builder.AddLedger(), output, error);

        Assert.True(exit == 0, error.ToString());
        Check(Expected(name), JsonDocument.Parse(output.ToString()).RootElement);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Imports_through_the_api_as_counted_and_once_only(string name)
    {
        var expected = Expected(name);

        var preview = await _client.PostAsync("/api/imports?dryRun=true", Upload(name));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var result = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement;
        Check(expected, result.GetProperty("draft"), result.GetProperty("warnings"));

        var created = await _client.PostAsync("/api/imports", Upload(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await _client.GetFromJsonAsync<RoundDto>(created.Headers.Location, LedgerApiFactory.Json);
        var aspects = expected.GetProperty("aspects").EnumerateArray().ToList();
        Assert.Equal((aspects.Count, aspects.Sum(a => a[1].GetInt32())), (round!.Aspects.Count, round.ItemCount));

        var again = JsonDocument.Parse(await (await _client.PostAsync("/api/imports", Upload(name))).Content.ReadAsStringAsync()).RootElement;
        Assert.True(again.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(round.Id, again.GetProperty("roundId").GetGuid());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string File(string name) =>
        Directory.GetFiles(RepositoryFiles.Path("tests", "corpus"), name + ".*").Single(f => !f.EndsWith(".json", StringComparison.Ordinal));

    private static JsonElement Expected(string name) => JsonDocument.Parse(System.IO.File.ReadAllText(RepositoryFiles.Path("tests", "corpus", name + ".json"))).RootElement;

    private static MultipartFormDataContent Upload(string name) => HttpJson.Upload(System.IO.File.ReadAllBytes(File(name)), Path.GetFileName(File(name)));

    /// <summary>The draft against the hand count: genre, round, aspects, and per item what the JSON lists.</summary>
    private static void Check(JsonElement expected, JsonElement draft, JsonElement? warnings = null)
    {
        Assert.Equal(expected.GetProperty("genre").GetString(), draft.GetProperty("genre").GetString());
        foreach (var field in expected.GetProperty("round").EnumerateObject())
        {
            Assert.True(field.Value.ToString() == draft.GetProperty("round").GetProperty(field.Name).ToString(), $"round.{field.Name}: {draft.GetProperty("round")}");
        }

        Assert.Equal(
            expected.GetProperty("aspects").EnumerateArray().Select(a => (a[0].GetString(), a[1].GetInt32())),
            draft.GetProperty("aspects").EnumerateArray().Select(a => (a.GetProperty("title").GetString(), a.GetProperty("items").GetArrayLength())));

        var items = draft.GetProperty("aspects").EnumerateArray().SelectMany(a => a.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("number").GetInt32()));
        Compare(expected, "measures", items, i => i.GetProperty("measures").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare(expected, "statuses", items, i => i.GetProperty("status").ToString());
        Compare(expected, "deadlines", items, i => i.GetProperty("deadline").ToString());
        Compare(expected, "leaders", items, i => i.GetProperty("responsibleLeader").ToString());
        Compare(expected, "leads", items, i => i.GetProperty("leadDepartment").ToString());
        Compare(expected, "persons", items, i => i.GetProperty("responsiblePerson").ToString());
        Compare(expected, "progress", items, i => i.GetProperty("progress").ToString());
        if (expected.TryGetProperty("titles", out var titles))
        {
            foreach (var title in titles.EnumerateObject())
            {
                Assert.Equal(title.Value.GetString(), items[int.Parse(title.Name, System.Globalization.CultureInfo.InvariantCulture) - 1].GetProperty("title").GetString());
            }
        }

        var said = (warnings ?? draft.GetProperty("warnings")).EnumerateArray()
            .Select(w => $"{(w.GetProperty("cell").GetString() ?? (w.GetProperty("line").GetInt32() > 0 ? $"第{w.GetProperty("line").GetInt32()}行" : "全文"))}：{w.GetProperty("message").GetString()}")
            .ToList();
        var listed = expected.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.True(listed.Count == said.Count && listed.Zip(said).All(p => p.Second.StartsWith(p.First, StringComparison.Ordinal)), string.Join("\n", said));
    }

    private static void Compare(JsonElement expected, string property, List<JsonElement> items, Func<JsonElement, string> actual)
    {
        if (expected.TryGetProperty(property, out var values))
        {
            Assert.Equal(values.EnumerateArray().Select(v => v.ToString()), items.Select(actual));
        }
    }
}
