using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Ledger.Infrastructure.Tests.Persistence;

/// <summary>
/// A server database that is down: the provider's retries ride out a dropped connection but give up in seconds, so a
/// request is answered 503 (<see cref="DatabaseFailures"/>) while the user still waits, never after a minute's hang.
/// </summary>
public sealed class ServerOutageTests
{
    [Fact]
    public async Task A_PostgreSql_server_that_refuses_connections_is_reported_unavailable_within_seconds()
    {
        await using var services = Services(DatabaseProvider.PostgreSql, $"Host=127.0.0.1;Port={ClosedPort()};Username=ledger;Database=ledger");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => db.Items.CountAsync());

        Assert.True(DatabaseFailures.IsUnavailable(failure), failure.ToString());
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
    }

    private static ServiceProvider Services(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ledger:DatabaseProvider"] = provider.ToString(),
                ["ConnectionStrings:Ledger"] = connectionString,
                ["Ledger:DataDirectory"] = Path.Combine(Path.GetTempPath(), "ledger-outage-tests"),
            })
            .Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration, new Environment()).BuildServiceProvider();
    }

    /// <summary>A loopback port nothing listens on: bound for a moment to learn a free one, then let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Ledger.Infrastructure.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
