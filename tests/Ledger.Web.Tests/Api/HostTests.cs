using System.Net;
using System.Text.Json;

namespace Ledger.Web.Tests.Api;

public sealed class HostTests(LedgerApiFactory factory) : IClassFixture<LedgerApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_checks_the_database_created_in_the_data_directory()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "ledger.db")));
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
}
