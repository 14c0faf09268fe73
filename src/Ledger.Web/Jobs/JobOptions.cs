using Cronos;
using Ledger.Application.Common;

namespace Ledger.Web.Jobs;

/// <summary>Where and when background jobs run (<c>Ledger:Jobs</c>).</summary>
public sealed class JobOptions : ICheckedSettings
{
    public const string Section = "Ledger:Jobs";

    /// <summary>Run a Hangfire server in this process. Off in a web host whose jobs a separate worker runs.</summary>
    public bool Server { get; set; } = true;

    /// <summary>The deadline scan, in China time: 08:30 every day by default.</summary>
    public string ScanCron { get; set; } = "30 8 * * *";

    /// <summary>Delivery to inboxes and email retries.</summary>
    public string DispatchCron { get; set; } = "* * * * *";

    public int WorkerCount { get; set; } = 2;

    public IEnumerable<string> Problems()
    {
        foreach (var (name, cron) in new[] { (nameof(ScanCron), ScanCron), (nameof(DispatchCron), DispatchCron) }.Where(c => !IsCron(c.Item2)))
        {
            yield return $"{Section}:{name} 不是有效的 cron 表达式（分 时 日 月 周，如 30 8 * * *），现为“{cron}”。";
        }

        if (WorkerCount is < 1 or > 64)
        {
            yield return $"{Section}:WorkerCount 须在 1 到 64 之间，现为 {WorkerCount}。";
        }
    }

    private static bool IsCron(string? expression)
    {
        try
        {
            return expression is not null && CronExpression.Parse(expression) is not null;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}
