using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Application.Common.Security;
using Xunit.Abstractions;

namespace Ledger.Web.Tests.Api;

/// <summary>
/// Every operation of the OpenAPI document, as the host serves it, sent malformed and extreme input: bodies that are
/// empty, <c>{}</c>, not JSON or of the wrong type, and each field and each query value in turn replaced by a wrong
/// type, a huge number, a far date, a long or an invisible string. No answer may be a 5xx, and none may take long.
/// The inputs are fixed (no random seed), so a failure names an input that fails again.
/// </summary>
public sealed class EndpointFuzzTests(EndpointFuzzTests.QuietHost factory, ITestOutputHelper output) : IClassFixture<EndpointFuzzTests.QuietHost>
{
    /// <summary>The host without its per-request information logs: thousands of requests would spend their time writing them.</summary>
    public sealed class QuietHost : LedgerApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(5);

    private static readonly string LongText = new('长', 100_000);

    private const string Invisible = "\u200B\u200B";

    private const string Controls = "\u202E办公室\u0000\u001B";

    private readonly HttpClient _office = factory.CreateClient();

    private readonly HttpClient _admin = factory.ClientFor(Roles.Admin, userName: "admin-fuzz");

    [Fact]
    public async Task No_operation_answers_a_server_error_or_stalls_on_malformed_or_extreme_input()
    {
        var ids = await ArrangeAsync();
        var document = JsonDocument.Parse(await _office.GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var failures = new List<string>();
        var perPath = new SortedDictionary<string, (int Inputs, TimeSpan Slowest)>(StringComparer.Ordinal);
        (TimeSpan Time, string Input) slowest = (TimeSpan.Zero, string.Empty);
        var total = Stopwatch.StartNew();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var key = $"{method} {path.Name}";
                if (Skipped.Contains(key))
                {
                    continue;
                }

                var client = path.Name.StartsWith("/api/users", StringComparison.Ordinal) || path.Name.StartsWith("/api/calendar", StringComparison.Ordinal) ? _admin : _office;
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var body = BodySchema(operation.Value, schemas);
                foreach (var input in Inputs(path.Name, parameters, body, schemas, ids))
                {
                    using var request = new HttpRequestMessage(method, input.Url);
                    if (input.Body is not null)
                    {
                        request.Content = new StringContent(input.Body, Encoding.UTF8, "application/json");
                    }

                    var described = $"{method} {input.Url} {Shorten(input.Body)}";
                    var watch = Stopwatch.StartNew();
                    using var stalled = new CancellationTokenSource(PerRequest * 2);
                    try
                    {
                        using var response = await client.SendAsync(request, stalled.Token);
                        _ = await response.Content.ReadAsByteArrayAsync(stalled.Token);
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{(int)response.StatusCode} {described}");
                        }
                    }
                    catch (OperationCanceledException) when (stalled.IsCancellationRequested)
                    {
                        failures.Add($"no answer {described}");
                    }

                    watch.Stop();

                    if (watch.Elapsed > PerRequest)
                    {
                        failures.Add($"{watch.Elapsed.TotalSeconds:0.0}s {described}");
                    }

                    var (count, slowestHere) = perPath.GetValueOrDefault(key);
                    perPath[key] = (count + 1, watch.Elapsed > slowestHere ? watch.Elapsed : slowestHere);
                    if (watch.Elapsed > slowest.Time)
                    {
                        slowest = (watch.Elapsed, described);
                    }
                }
            }
        }

        foreach (var (path, (inputs, time)) in perPath)
        {
            output.WriteLine($"{inputs,5} inputs, slowest {time.TotalMilliseconds,6:0} ms  {path}");
        }

        output.WriteLine($"{perPath.Values.Sum(v => v.Inputs)} inputs to {perPath.Count} operations in {total.Elapsed.TotalSeconds:0.0} s; "
                         + $"slowest {slowest.Time.TotalMilliseconds:0} ms: {slowest.Input}; 5xx or slow: {failures.Count}");
        Assert.True(perPath.Count >= 80, $"only {perPath.Count} operations were fuzzed");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
    }

    /// <summary>Signing out would end the session the rest of the walk runs on; it takes no input to fuzz.</summary>
    private static readonly HashSet<string> Skipped = ["POST /api/auth/logout"];

    private sealed record Input(string Url, string? Body);

    private async Task<Dictionary<string, string>> ArrangeAsync()
    {
        var ledgers = new Ledgers(_office);
        var department = await ledgers.DepartmentAsync("模糊测试部");
        var leader = await ledgers.PersonAsync("模糊领导", department.Id, isLeader: true);
        var round = await ledgers.RoundAsync();
        var item = await ledgers.ItemAsync(round);
        var user = factory.CreateUser("fuzz-target", Roles.DepartmentStaff, department.Id);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["round"] = round.Id.ToString(),
            ["aspect"] = round.Aspects[0].Id.ToString(),
            ["item"] = item.Id.ToString(),
            ["department"] = department.Id.ToString(),
            ["person"] = leader.Id.ToString(),
            ["user"] = user.Id.ToString(),
        };
    }

    private static IEnumerable<Input> Inputs(
        string template, List<JsonElement> parameters, JsonElement? body, JsonElement schemas, Dictionary<string, string> ids)
    {
        var path = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
        var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
        var url = path.Aggregate(template, (u, name) => u.Replace($"{{{name}}}", PathValue(template, name, ids), StringComparison.Ordinal));
        var sample = body is { } s ? Sample(s, string.Empty, schemas, ids) : null;
        var baseBody = sample?.ToJsonString();

        // The request as a client would send it, then each path value, query value and body field made extreme in turn.
        yield return new Input(url, baseBody);
        foreach (var name in path)
        {
            foreach (var value in new[] { "abc", "0001-01-01", "9999-12-31", "2147483648", "00000000-0000-0000-0000-000000000000" })
            {
                var mutated = path.Aggregate(template, (u, n) => u.Replace($"{{{n}}}", n == name ? Uri.EscapeDataString(value) : PathValue(template, n, ids), StringComparison.Ordinal));
                yield return new Input(mutated, baseBody);
            }
        }

        foreach (var parameter in query)
        {
            var name = parameter.GetProperty("name").GetString()!;
            foreach (var value in QueryValues)
            {
                yield return new Input($"{url}?{name}={Uri.EscapeDataString(value)}", baseBody);
            }
        }

        if (body is null)
        {
            yield break;
        }

        foreach (var whole in WholeBodies)
        {
            yield return new Input(url, whole);
        }

        if (sample is not JsonObject fields)
        {
            yield break;
        }

        var properties = Resolve(body.Value, schemas).TryGetProperty("properties", out var props) ? props.EnumerateObject().ToList() : [];
        foreach (var property in properties)
        {
            foreach (var value in FieldValues(property.Value, schemas))
            {
                var mutated = (JsonObject)fields.DeepClone();
                mutated[property.Name] = value?.DeepClone();
                yield return new Input(url, mutated.ToJsonString());
            }

            var missing = (JsonObject)fields.DeepClone();
            missing.Remove(property.Name);
            yield return new Input(url, missing.ToJsonString());
        }
    }

    private static readonly string[] QueryValues =
    [
        "", " ", "abc", "-1", "0", "2147483647", "2147483648", "-2147483649", "1e400", "0001-01-01", "9999-12-31",
        "0205-03-31", "2025-02-30", "00000000-0000-0000-0000-000000000000", new('长', 4000), Invisible, Controls,
    ];

    private static readonly string?[] WholeBodies =
    [
        null, string.Empty, "{}", "null", "[]", "\"text\"", "{", "0", "{\"unknown\":1}",
        string.Concat(Enumerable.Repeat("[", 1000)) + string.Concat(Enumerable.Repeat("]", 1000)),
    ];

    /// <summary>Values wrong for the field's type or at the edge of it, chosen by what the schema declares.</summary>
    private static IEnumerable<JsonNode?> FieldValues(JsonElement schema, JsonElement schemas)
    {
        var resolved = Resolve(schema, schemas);
        yield return null;
        if (resolved.TryGetProperty("enum", out _))
        {
            yield return JsonValue.Create("Nope");
            yield return JsonValue.Create(999);
            yield break;
        }

        var types = Types(resolved);
        var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return JsonValue.Create(int.MaxValue);
            yield return JsonValue.Create(int.MinValue);
            yield return JsonNode.Parse("1e300");
            yield return JsonNode.Parse("99999999999999999999");
            yield return JsonValue.Create("abc");
        }
        else if (types.Contains("boolean"))
        {
            yield return JsonValue.Create("yes");
            yield return JsonValue.Create(2);
        }
        else if (types.Contains("array"))
        {
            yield return new JsonObject();
            yield return new JsonArray(null, null);
            yield return new JsonArray([.. Enumerable.Range(0, 1000).Select(_ => (JsonNode?)JsonValue.Create(int.MaxValue))]);
            yield return new JsonArray(JsonValue.Create(LongText), JsonValue.Create(Invisible), JsonValue.Create("0001-01-01"));
        }
        else if (format == "date")
        {
            foreach (var date in new[] { "0001-01-01", "9999-12-31", "0205-03-31", "2025-02-30", "1999-12-31", "2101-01-01" })
            {
                yield return JsonValue.Create(date);
            }

            yield return JsonValue.Create(20250116);
        }
        else if (format == "uuid")
        {
            yield return JsonValue.Create("abc");
            yield return JsonValue.Create(Guid.Empty);
            yield return JsonValue.Create(Guid.NewGuid());
        }
        else if (types.Contains("string"))
        {
            yield return JsonValue.Create(string.Empty);
            yield return JsonValue.Create(LongText);
            yield return JsonValue.Create(Invisible);
            yield return JsonValue.Create(Controls);
            yield return JsonValue.Create(12345);
            yield return new JsonObject();
        }
        else
        {
            yield return JsonValue.Create("abc");
            yield return new JsonArray();
        }
    }

    /// <summary>A plausible value of the schema, with the arranged records' ids where a field names one.</summary>
    private static JsonNode? Sample(JsonElement schema, string name, JsonElement schemas, Dictionary<string, string> ids)
    {
        var resolved = Resolve(schema, schemas);
        if (resolved.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => JsonNode.Parse(v.GetRawText())).FirstOrDefault();
        }

        var types = Types(resolved);
        var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("object") || resolved.TryGetProperty("properties", out _))
        {
            var node = new JsonObject();
            if (resolved.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    node[property.Name] = Sample(property.Value, property.Name, schemas, ids);
                }
            }

            return node;
        }

        if (types.Contains("array"))
        {
            return resolved.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, name, schemas, ids)) : new JsonArray();
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(1);
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }

        return format switch
        {
            "uuid" => JsonValue.Create(IdFor(name, ids)),
            "date" => JsonValue.Create("2025-03-31"),
            "date-time" => JsonValue.Create("2025-01-16T02:00:00Z"),
            _ => JsonValue.Create("模糊测试"),
        };
    }

    private static string IdFor(string name, Dictionary<string, string> ids)
    {
        var lower = name.ToLowerInvariant();
        var key = ids.Keys.FirstOrDefault(k => lower.Contains(k, StringComparison.Ordinal))
                  ?? (lower.Contains("leader", StringComparison.Ordinal) ? "person" : null);
        return key is null ? Guid.NewGuid().ToString() : ids[key];
    }

    private static string PathValue(string template, string name, Dictionary<string, string> ids) => name switch
    {
        "date" => "2025-01-16",
        "id" when template.StartsWith("/api/rounds", StringComparison.Ordinal) => ids["round"],
        "id" when template.StartsWith("/api/items", StringComparison.Ordinal) => ids["item"],
        "id" when template.StartsWith("/api/departments", StringComparison.Ordinal) => ids["department"],
        "id" when template.StartsWith("/api/people", StringComparison.Ordinal) => ids["person"],
        "id" when template.StartsWith("/api/users", StringComparison.Ordinal) => ids["user"],
        _ => IdFor(name, ids),
    };

    private static JsonElement? BodySchema(JsonElement operation, JsonElement schemas) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").EnumerateObject().FirstOrDefault() is { Value: var content }
        && content.ValueKind == JsonValueKind.Object && content.TryGetProperty("schema", out var schema)
            ? Resolve(schema, schemas)
            : null;

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Resolve(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas)
            : schema;

    private static string[] Types(JsonElement schema) => !schema.TryGetProperty("type", out var type)
        ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];

    private static string Shorten(string? body) => body is null ? "(no body)" : body.Length > 160 ? $"{body[..160]}…({body.Length})" : body;
}
