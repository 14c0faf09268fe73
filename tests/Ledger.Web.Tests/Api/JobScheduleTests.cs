using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Ledger.Web.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ledger.Web.Tests.Api;

/// <summary>A web host (Ledger:Jobs:Server=false) on job storage a worker has already scheduled, at its own crons.</summary>
public sealed class ScheduledByWorkerFactory : LedgerApiFactory
{
    public const string WorkerScanCron = "*/10 * * * *";

    public InMemoryStorage Storage { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var jobs = new RecurringJobManager(Storage);
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.ScanJobId, j => j.ScanAsync(CancellationToken.None), WorkerScanCron);
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.DispatchJobId, j => j.DispatchAsync(CancellationToken.None), "*/2 * * * *");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<JobStorage>(Storage)));
    }
}

public sealed class JobScheduleTests(ScheduledByWorkerFactory factory) : IClassFixture<ScheduledByWorkerFactory>
{
    [Fact]
    public async Task A_web_node_started_beside_a_worker_leaves_the_workers_schedule_as_it_is()
    {
        // Started: the host has run its start-up, where it schedules the jobs.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/live")).StatusCode);

        using var connection = factory.Storage.GetConnection();
        var scan = connection.GetRecurringJobs([ReminderJobs.ScanJobId]).Single();
        Assert.Equal(ScheduledByWorkerFactory.WorkerScanCron, scan.Cron);
    }
}
