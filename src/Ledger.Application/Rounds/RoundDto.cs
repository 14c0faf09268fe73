namespace Ledger.Application.Rounds;

public sealed record RoundDto(
    Guid Id,
    Guid Version,
    string InspectingTeam,
    string InspectedUnit,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    DateOnly? FeedbackDate,
    DateOnly? RectificationPeriodEnd,
    IReadOnlyList<AspectDto> Aspects,
    int ItemCount);

public sealed record AspectDto(Guid Id, int Order, string Title, int ItemCount);

public sealed record RoundSummaryDto(
    Guid Id,
    Guid Version,
    string InspectingTeam,
    string InspectedUnit,
    DateOnly? FeedbackDate,
    DateOnly? RectificationPeriodEnd,
    int ItemCount,
    int ClosedOutCount);

public sealed record AspectSaved(Guid RoundId, Guid AspectId, Guid RoundVersion);
