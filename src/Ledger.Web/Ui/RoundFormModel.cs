using Ledger.Application.Rounds;

namespace Ledger.Web.Ui;

/// <summary>
/// A round's facts as the office creates or edits them. The properties carry the commands' names, so the server's
/// field errors land under their fields (<see cref="FormErrors"/>); the date pickers take <see cref="DateTime"/>.
/// Loading the round again (after a conflict, or after an aspect was added) replaces only the fields the user has not
/// changed, so typed values survive someone else's save and the user sees what that save changed.
/// </summary>
internal sealed class RoundFormModel
{
    private RoundDto? _loaded;

    public string InspectingTeam { get; set; } = string.Empty;

    public string InspectedUnit { get; set; } = string.Empty;

    public DateTime? InspectionStart { get; set; }

    public DateTime? InspectionEnd { get; set; }

    public DateTime? FeedbackDate { get; set; }

    public DateTime? RectificationPeriodEnd { get; set; }

    /// <summary>简称; blank for the default the placeholder shows (<see cref="DefaultShortName"/>).</summary>
    public string ShortName { get; set; } = string.Empty;

    /// <summary>The short name the round goes by when <see cref="ShortName"/> is left blank, from the fields as typed.</summary>
    public string DefaultShortName =>
        Ledger.Domain.Rounds.RoundTag.DefaultShortName(InspectingTeam.Trim(), DateText.Picked(InspectionStart), DateText.Picked(FeedbackDate));

    /// <summary>A new round's aspects, one a line, in order; an existing round's are edited one by one.</summary>
    public string Aspects { get; set; } = string.Empty;

    public Guid? Id => _loaded?.Id;

    public Guid? Version => _loaded?.Version;

    /// <summary>Takes the round as stored; a field the user changed since the last load keeps the user's value.</summary>
    public void Load(RoundDto round)
    {
        InspectingTeam = Keep(InspectingTeam, _loaded?.InspectingTeam, round.InspectingTeam);
        InspectedUnit = Keep(InspectedUnit, _loaded?.InspectedUnit, round.InspectedUnit);
        ShortName = Keep(ShortName, _loaded?.ShortName, round.ShortName ?? string.Empty);
        InspectionStart = Keep(InspectionStart, DateText.ForPicker(_loaded?.InspectionStart), DateText.ForPicker(round.InspectionStart));
        InspectionEnd = Keep(InspectionEnd, DateText.ForPicker(_loaded?.InspectionEnd), DateText.ForPicker(round.InspectionEnd));
        FeedbackDate = Keep(FeedbackDate, DateText.ForPicker(_loaded?.FeedbackDate), DateText.ForPicker(round.FeedbackDate));
        RectificationPeriodEnd = Keep(RectificationPeriodEnd, DateText.ForPicker(_loaded?.RectificationPeriodEnd), DateText.ForPicker(round.RectificationPeriodEnd));
        _loaded = round;
    }

    public CreateRoundCommand ToCreate() => new(
        InspectingTeam.Trim(),
        InspectedUnit.Trim(),
        DateText.Picked(InspectionStart),
        DateText.Picked(InspectionEnd),
        DateText.Picked(FeedbackDate),
        DateText.Picked(RectificationPeriodEnd),
        [.. Aspects.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Blank(ShortName));

    public UpdateRoundCommand ToUpdate() => new(
        _loaded!.Id,
        _loaded.Version,
        InspectingTeam.Trim(),
        InspectedUnit.Trim(),
        DateText.Picked(InspectionStart),
        DateText.Picked(InspectionEnd),
        DateText.Picked(FeedbackDate),
        DateText.Picked(RectificationPeriodEnd),
        Blank(ShortName));

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static T Keep<T>(T shown, T loaded, T stored) => EqualityComparer<T>.Default.Equals(shown, loaded) ? stored : shown;

    // A brand-new form compares its blank fields with no round: the first load fills them all.
    private static string Keep(string shown, string? loaded, string stored) => shown.Trim() == (loaded ?? string.Empty) ? stored : shown;
}
