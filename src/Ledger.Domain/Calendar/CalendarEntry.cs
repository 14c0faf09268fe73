using Ledger.Domain.Common;

namespace Ledger.Domain.Calendar;

/// <summary>
/// A holiday or a weekend day worked (调休), as stored: seeded from the State Council notices and edited by the
/// administrator when a new year's notice comes out or a local arrangement differs. Dates not stored follow their weekday.
/// </summary>
public sealed class CalendarEntry : AggregateRoot
{
    private CalendarEntry()
    {
        Name = string.Empty;
    }

    public DateOnly Date { get; private init; }

    public CalendarDayKind Kind { get; private set; }

    /// <summary>e.g. 春节, 国庆节调休上班.</summary>
    public string Name { get; private set; }

    public static CalendarEntry Create(CalendarDay day, ChangeStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(day);
        var entry = new CalendarEntry { Date = day.Date };
        entry.Set(day.Kind, day.Name);
        entry.MarkCreated(stamp);
        return entry;
    }

    public void Change(CalendarDayKind kind, string name, ChangeStamp stamp)
    {
        Set(kind, name);
        Touch(stamp);
    }

    public CalendarDay ToDay() => new(Date, Kind, Name);

    private void Set(CalendarDayKind kind, string name)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Holiday or workday.");
        }

        Kind = kind;
        Name = Text.RequiredLine(name, nameof(name));
    }
}
