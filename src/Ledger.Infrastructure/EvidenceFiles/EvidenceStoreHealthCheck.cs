using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Infrastructure.EvidenceFiles;

/// <summary>A node that cannot write evidence files is not ready: uploads would fail on it.</summary>
internal sealed class EvidenceStoreHealthCheck(LocalEvidenceStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.Probe();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("佐证材料目录不可写", e));
        }
    }
}
