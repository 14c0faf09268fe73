namespace Ledger.Web;

/// <summary>
/// The host's clock, which the demo loader can set back while it records the demo ledger's past: within
/// <see cref="RecordAt"/> every command is stamped with the instant it names, so history, audit and the figures as of a
/// date show the demo's months as they happened. Everywhere else, and always outside the demo, it is the clock it wraps.
/// </summary>
internal sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    // Flows with the loader's awaits only: requests served meanwhile read the real time.
    private static readonly AsyncLocal<DateTimeOffset?> Recording = new();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <summary>The wrapped clock's time, the demo loader's past never reaching it.</summary>
    public DateTimeOffset RealNow => inner.GetUtcNow();

    /// <summary>Stamps what the caller does next with <paramref name="at"/>, until it records at another instant or ends.</summary>
    public static void RecordAt(DateTimeOffset at) => Recording.Value = at;

    public static void StopRecording() => Recording.Value = null;

    public override DateTimeOffset GetUtcNow() => Recording.Value ?? inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
