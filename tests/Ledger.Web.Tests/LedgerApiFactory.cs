using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledger.Application.Common.Security;
using Ledger.Infrastructure.Identity;
using Ledger.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Web.Tests;

/// <summary>
/// The real host on a real SQLite file in its own temporary data directory, with a fake clock set to
/// 2025年1月16日 10:00 in Beijing (the date of the seed report). Clients sign in for real, with bearer tokens
/// from /api/auth/login: <see cref="WebApplicationFactory{T}.CreateClient()"/> as the rectification office
/// (整改办), <see cref="ClientFor"/> as anyone else.
/// </summary>
public class LedgerApiFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test@2025";

    /// <summary>The display name the default client's changes are recorded under.</summary>
    public const string OfficeUser = "整改办-测试";

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    private bool _onLoopback;

    public static readonly DateTimeOffset Now = new(2025, 1, 16, 2, 0, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public LedgerApiFactory()
        : this(Now)
    {
    }

    /// <summary>A host whose fake clock starts at <paramref name="start"/> rather than <see cref="Now"/>: the clock never goes back.</summary>
    protected LedgerApiFactory(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    /// <summary>
    /// Serves on a free TCP port of 127.0.0.1 (Kestrel) instead of the in-memory test server, for a browser to reach;
    /// clients and accounts work as before. Call before the host starts.
    /// </summary>
    protected void ListenOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _onLoopback = true;
    }

    /// <summary>Where a browser finds the host started by <see cref="ListenOnLoopback"/>.</summary>
    public Uri Address
    {
        get
        {
            EnsureStarted();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "ledger-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A SQLite file in <see cref="DataDirectory"/>, or a database of its own on the server the environment names.</summary>
    public TestDatabase Database { get; } = TestDatabase.Create();

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Ledger:DataDirectory", DataDirectory);
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }

        // The recurring jobs run on the wall clock; tests run them by hand against the fake one.
        builder.UseSetting("Ledger:Jobs:Server", "false");

        // Every client of a test host signs in from the same (absent) address, and the browser tests sign in to the same
        // demo accounts again and again; the throttle has its own tests.
        builder.UseSetting("Ledger:SignIn:AttemptsPerAddress", "100000");
        builder.UseSetting("Ledger:SignIn:AttemptsPerAccount", "100000");
        builder.ConfigureServices(services =>
        {
            // The host's own wrapper, so the demo ledger's past is recorded against the fake clock too.
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new DemoClock(Clock)));

            // Hangfire's log provider is process-wide, and hosts of parallel tests come and go: none of them may own it.
            services.Replace(ServiceDescriptor.Singleton<Hangfire.Logging.ILogProvider>(new SilentHangfireLogs()));

            // Hashing strength is not under test; a cheap hash keeps sign-ins from dominating the suite.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        });
    }

    /// <summary>A client signed in as a user with this role (and department or leader record), created on first use.</summary>
    public HttpClient ClientFor(string role, Guid? departmentId = null, Guid? personId = null, string? userName = null)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userName ?? $"{role}-{departmentId}-{personId}".ToLowerInvariant(), role, departmentId, personId));
        return client;
    }

    /// <summary>Forgets every token, for a test that moves the clock past their hour: the next request signs in again.</summary>
    public void SignInAgain() => _tokens.Clear();

    /// <summary>A client that has not signed in.</summary>
    public HttpClient Anonymous()
    {
        EnsureStarted();
        return _onLoopback ? new HttpClient { BaseAddress = Address } : new HttpClient(Server.CreateHandler()) { BaseAddress = ClientOptions.BaseAddress };
    }

    /// <summary>Creates an account directly in the store, as an administrator would through /api/users.</summary>
    public LedgerUser CreateUser(string userName, string role, Guid? departmentId = null, Guid? personId = null, bool mustChangePassword = false, string? displayName = null)
    {
        EnsureStarted();
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LedgerUser>>();
        var user = new LedgerUser
        {
            UserName = userName,
            DisplayName = displayName ?? userName,
            DepartmentId = departmentId,
            PersonId = personId,
            MustChangePassword = mustChangePassword,
        };
        Succeed(users.CreateAsync(user, Password).GetAwaiter().GetResult());
        Succeed(users.AddToRoleAsync(user, role).GetAwaiter().GetResult());
        return user;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor("office-test", Roles.Office, null, null, OfficeUser));
    }

    private string TokenFor(string userName, string role, Guid? departmentId, Guid? personId, string? displayName = null) =>
        _tokens.GetOrAdd(userName, _ =>
        {
            if (!UserExists(userName))
            {
                CreateUser(userName, role, departmentId, personId, displayName: displayName);
            }

            using var response = Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password = Password }).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            return response.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult().GetProperty("accessToken").GetString()!;
        });

    private void EnsureStarted()
    {
        if (_onLoopback)
        {
            StartServer();
        }
        else
        {
            _ = Server;
        }
    }

    private bool UserExists(string userName)
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<UserManager<LedgerUser>>().FindByNameAsync(userName).GetAwaiter().GetResult() is not null;
    }

    private static void Succeed(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

internal sealed class SilentHangfireLogs : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
{
    public Hangfire.Logging.ILog GetLogger(string name) => this;

    public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
}

internal static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, LedgerApiFactory.Json)!;
    }

    /// <summary>A form with one file in the field <c>file</c>, as a browser uploads it.</summary>
    public static MultipartFormDataContent Upload(byte[] content, string name, string mediaType = "application/octet-stream")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, LedgerApiFactory.Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, LedgerApiFactory.Json);

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return problem;
    }
}
