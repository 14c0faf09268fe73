using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Web.Jobs;

/// <summary>The job storage answers: reminders and deliveries can be scheduled and picked up.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            connection.GetAllItemsFromSet("recurring-jobs");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("后台任务存储无法访问", e));
        }
    }
}
