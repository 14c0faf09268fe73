using System.Text.RegularExpressions;
using Ledger.Domain.Items;

namespace Ledger.Domain.Rounds;

/// <summary>
/// How lists tell items of different rounds apart: a round's short name (简称, e.g. 2024年三巡) and an item's tag
/// (2024年三巡·第11项), so an all-rounds list never shows four 第1项 alike.
/// </summary>
public static partial class RoundTag
{
    public const int ShortNameLength = 20;

    /// <summary>
    /// The short name a round goes by until the office gives it one: the team's ordinal as offices say it
    /// (市委第三巡察组 → 三巡, 市委提级巡察第四组 → 四巡) after the year the inspection began, since one team inspects
    /// several units over the years; a team named without an ordinal is shortened instead.
    /// </summary>
    public static string DefaultShortName(string inspectingTeam, DateOnly? inspectionStart, DateOnly? feedbackDate)
    {
        var year = (inspectionStart ?? feedbackDate)?.Year;
        var ordinal = OrdinalRegex().Match(inspectingTeam);
        var name = ordinal.Success
            ? ordinal.Groups["n"].Value + "巡"
            : Shorten(inspectingTeam.Replace("市委", string.Empty, StringComparison.Ordinal), 8);
        return year is { } y ? $"{y}年{name}" : name;
    }

    /// <summary>The name a round's items are tagged with: the office's <paramref name="shortName"/>, or the default one.</summary>
    public static string NameOf(string? shortName, string inspectingTeam, DateOnly? inspectionStart, DateOnly? feedbackDate) =>
        shortName ?? DefaultShortName(inspectingTeam, inspectionStart, feedbackDate);

    /// <summary>2024年三巡·第11项, 2024年三巡·立行立改第2项, 2024年三巡·信访件第3项.</summary>
    public static string Of(string shortName, ItemKind kind, int number) => $"{shortName}·{Number(kind, number)}";

    /// <summary>第11项, 立行立改第2项, 信访件第3项: the number as the office's ledger writes it, within its round.</summary>
    public static string Number(ItemKind kind, int number) =>
        $"{kind switch { ItemKind.ImmediateFix => "立行立改", ItemKind.Petition => "信访件", _ => string.Empty }}第{number}项";

    private static string Shorten(string text, int length) => text.Length > length ? text[..length] : text;

    [GeneratedRegex("第(?<n>[一二三四五六七八九十百〇零]+|[0-9]+)(?:巡察|巡视)?组")]
    private static partial Regex OrdinalRegex();
}
