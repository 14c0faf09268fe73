using Ledger.Application;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Ledger.Testing;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Ledger.Application.Tests;

/// <summary>
/// The application layer with its real pipeline and a real SQLite file; only the edges Ledger does
/// not own are stand-ins: who is signed in (Moq), the clock (FakeTimeProvider).
/// </summary>
public sealed class ApplicationHarness : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ledger-app-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly TestDatabase _database = TestDatabase.Create();

    public ApplicationHarness(Action<IServiceCollection>? replace = null)
    {
        User.SetupGet(u => u.Name).Returns("办公室-周敏");
        User.SetupGet(u => u.UserId).Returns(Guid.CreateVersion7());
        User.SetupGet(u => u.Roles).Returns([Roles.Office]);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ledger:DataDirectory"] = _dataDirectory })
            .AddInMemoryCollection(_database.Settings)
            .Build();
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.ContentRootPath).Returns(Path.GetTempPath());

        var services = new ServiceCollection()
            .AddLogging()
            .AddApplication()
            .AddInfrastructure(configuration, environment.Object)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(User.Object);
        replace?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync().GetAwaiter().GetResult();
    }

    /// <summary>2025-01-15 17:30 UTC: already 2025年1月16日 in Beijing.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 15, 17, 30, 0, TimeSpan.Zero));

    public Mock<ICurrentUser> User { get; } = new();

    /// <summary>A singleton of the container, e.g. a cache the pipeline shares between requests.</summary>
    public T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Sends a request in its own scope, as each HTTP request would.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> ReadAsync<T>(Func<LedgerDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
