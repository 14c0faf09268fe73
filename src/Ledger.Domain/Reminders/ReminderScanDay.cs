using Ledger.Domain.Common;

namespace Ledger.Domain.Reminders;

/// <summary>
/// A China day whose deadline scan completed: every reminder it called for is recorded. The next scan starts from the
/// day after the last one, so a day a crash, a stopped server or a missed 08:30 left out is scanned later, in order;
/// and the day's email digests wait for it, so a digest never goes out with part of the day.
/// </summary>
public sealed class ReminderScanDay : IRecordOfItself
{
    private ReminderScanDay()
    {
    }

    public DateOnly Day { get; private init; }

    public DateTime CompletedAt { get; private init; }

    public static ReminderScanDay Completed(DateOnly day, DateTime at) => new() { Day = day, CompletedAt = at };
}
