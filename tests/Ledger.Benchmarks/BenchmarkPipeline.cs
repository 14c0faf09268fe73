using Ledger.Application;
using Ledger.Application.Common;
using Ledger.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Ledger.Benchmarks;

/// <summary>The application's pipeline in this process on the SQLite ledger in a data directory, sending as the office.</summary>
internal static class BenchmarkPipeline
{
    public static ServiceProvider Build(string dataDirectory, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ledger:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddApplication()
            .AddInfrastructure(configuration, new Environment(dataDirectory))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ICurrentUser, Office>();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The rectification office, who sees the whole ledger: the widest list there is.</summary>
    private sealed class Office : ICurrentUser
    {
        public string Name => "benchmark";

        public Guid? UserId { get; } = Guid.CreateVersion7();

        public IReadOnlyCollection<string> Roles => [Application.Common.Security.Roles.Office];

        public Guid? DepartmentId => null;

        public Guid? PersonId => null;

        public bool IsSystem => false;
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";

        public string ApplicationName { get; set; } = "Ledger.Benchmarks";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
