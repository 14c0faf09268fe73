namespace Ledger.Application.Rounds;

/// <param name="ShortName">简称 as the office set it; null while the round goes by the default one.</param>
/// <param name="TagName">The name its items are tagged with (2024年三巡): <paramref name="ShortName"/> or the default.</param>
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
    int ItemCount,
    string? ShortName,
    string TagName);

public sealed record AspectDto(Guid Id, int Order, string Title, int ItemCount);

public sealed record RoundSummaryDto(
    Guid Id,
    Guid Version,
    string InspectingTeam,
    string InspectedUnit,
    DateOnly? FeedbackDate,
    DateOnly? RectificationPeriodEnd,
    int ItemCount,
    int ClosedOutCount,
    string TagName);

public sealed record AspectSaved(Guid RoundId, Guid AspectId, Guid RoundVersion);
