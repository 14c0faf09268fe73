namespace Ledger.Web.Ui;

/// <summary>How pages name a round in a short space.</summary>
internal static class RoundNames
{
    /// <summary>A round is known by its team and when it reported back: two rounds of one team differ by the date.</summary>
    public static string Of(string inspectingTeam, DateOnly? feedbackDate) =>
        feedbackDate is { } fed ? $"{inspectingTeam}（{fed.Year}年{fed.Month}月反馈）" : inspectingTeam;

    /// <summary>Who inspected whom, as a heading or a message names the round in full.</summary>
    public static string Full(string inspectingTeam, string inspectedUnit) => $"{inspectingTeam}巡察{inspectedUnit}";
}
