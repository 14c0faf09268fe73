using System.Net;
using System.Text.Json;
using Ledger.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Ledger.Web.Tests.Api;

/// <summary>A host whose evidence folder cannot be created: a file stands where the folder should be.</summary>
public sealed class UnwritableEvidenceFactory : LedgerApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Directory.CreateDirectory(DataDirectory);
        var blocker = Path.Combine(DataDirectory, "not-a-folder");
        File.WriteAllText(blocker, "x");
        builder.UseSetting("Ledger:Evidence:Directory", Path.Combine(blocker, "evidence"));
    }
}

public sealed class UnwritableEvidenceTests(UnwritableEvidenceFactory factory) : IClassFixture<UnwritableEvidenceFactory>
{
    [Fact]
    public async Task A_node_that_cannot_write_evidence_is_live_but_not_ready()
    {
        var client = factory.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}

/// <summary>SQLite with a one-second wait for the writer's lock, so a held lock is felt at once.</summary>
public sealed class ImpatientSqliteFactory : LedgerApiFactory
{
    public string File => Path.Combine(DataDirectory, "ledger.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Ledger", $"Data Source={File};Default Timeout=1");
    }
}

public sealed class BusyDatabaseTests(ImpatientSqliteFactory factory) : IClassFixture<ImpatientSqliteFactory>
{
    // A server database has no single writer's lock to hold; its outage is the scale-out test's (tests/scale-out/run).
    [SqliteFact]
    public async Task A_write_while_the_database_is_busy_answers_503_in_Chinese_and_goes_through_once_it_is_free()
    {
        var client = factory.CreateClient();
        var name = $"忙时部门-{Guid.NewGuid():N}";
        await using (var holder = new SqliteConnection($"Data Source={factory.File}"))
        {
            await holder.OpenAsync();
            await using var hold = holder.BeginTransaction(deferred: false);

            var busy = await client.PostJsonAsync("/api/departments", new { name });

            var problem = await busy.ProblemAsync(503);
            Assert.Equal("系统繁忙，请稍后重试", problem.GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/departments", new { name })).StatusCode);
    }
}

public sealed class HostTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Health_answers_without_signing_in_when_the_database_job_storage_and_evidence_folder_answer(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_operation_in_the_OpenAPI_document_has_a_summary_and_its_error_responses()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        Assert.True(operations.Count >= 30, $"only {operations.Count} operations");
        Assert.Contains(operations, o => o.Name == "GET /api/items");
        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{name} has no summary");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out _), $"{name} does not document 400");
            Assert.True(responses.TryGetProperty("500", out _), $"{name} does not document 500");
            if (name.Contains("{id}", StringComparison.Ordinal))
            {
                Assert.True(responses.TryGetProperty("404", out _), $"{name} does not document 404");
            }

            var signIn = name.EndsWith("/api/auth/login", StringComparison.Ordinal) || name.EndsWith("/api/auth/refresh", StringComparison.Ordinal);
            if (!signIn)
            {
                Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{name} does not document 401 and 403");
            }

            if (!name.StartsWith("GET", StringComparison.Ordinal) && !name.Contains("/api/auth/", StringComparison.Ordinal))
            {
                Assert.True(responses.TryGetProperty("409", out _), $"{name} does not document 409");
            }
        }
    }

    [Fact]
    public async Task The_API_reference_is_browsable()
    {
        var response = await _client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_route_answers_404_problem_details()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task A_browser_opening_an_unknown_address_gets_the_chinese_not_found_page_while_the_api_keeps_problem_details()
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/nope");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var response = await _client.SendAsync(page);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await (await _client.GetAsync("/api/nope")).ProblemAsync(404);
    }
}
