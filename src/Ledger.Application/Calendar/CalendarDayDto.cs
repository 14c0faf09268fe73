using Ledger.Domain.Calendar;

namespace Ledger.Application.Calendar;

/// <summary>A stored holiday or 调休 workday; send <see cref="Version"/> with a change or a deletion.</summary>
/// <param name="KindText">放假 or 调休上班.</param>
public sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string KindText, string Name, Guid Version);

/// <summary>One year's holidays and 调休 workdays, in date order.</summary>
/// <param name="Covered">Whether the year has any entries; a year without counts Monday to Friday only.</param>
/// <param name="MissingYears">Every year, not only this one, that open items' deadlines or reminders reach and the calendar lacks.</param>
/// <param name="CoverageWarning">What to tell about <paramref name="MissingYears"/>; null when none is missing.</param>
public sealed record CalendarYearDto(int Year, bool Covered, IReadOnlyList<CalendarDayDto> Days, IReadOnlyList<int> MissingYears, string? CoverageWarning);
