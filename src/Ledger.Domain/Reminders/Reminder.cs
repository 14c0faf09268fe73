using Ledger.Domain.Common;

namespace Ledger.Domain.Reminders;

/// <summary>
/// One 催办 decided for one recipient. (ItemId, Kind, SeriesDate, Stage, RecipientUserId) is unique in the database:
/// that key, not any lock, is what makes a re-run, a retry or a second server unable to remind twice.
/// </summary>
public sealed class Reminder : IRecordOfItself
{
    private Reminder()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid ItemId { get; private init; }

    public ReminderKind Kind { get; private init; }

    public DateOnly SeriesDate { get; private init; }

    public int Stage { get; private init; }

    public Guid RecipientUserId { get; private init; }

    /// <summary>The day (in China) the scan decided it.</summary>
    public DateOnly Day { get; private init; }

    public DateTime CreatedAt { get; private init; }

    public Guid NotificationId { get; private init; }

    public static Reminder For(ReminderKey key, DateOnly day, Guid notificationId, DateTime at) => new()
    {
        ItemId = key.ItemId,
        Kind = key.Kind,
        SeriesDate = key.SeriesDate,
        Stage = key.Stage,
        RecipientUserId = key.RecipientUserId,
        Day = day,
        CreatedAt = at,
        NotificationId = notificationId,
    };

    public ReminderKey Key => new(ItemId, Kind, SeriesDate, Stage, RecipientUserId);
}

public readonly record struct ReminderKey(Guid ItemId, ReminderKind Kind, DateOnly SeriesDate, int Stage, Guid RecipientUserId);
