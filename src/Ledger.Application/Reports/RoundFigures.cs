using System.Globalization;
using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reports;

/// <summary>
/// The statistics of a round as of a date, from the ledger's history (<see cref="ItemsOnDate"/>): what the report's
/// statistics sentence says and the ledger export's 统计 sheet shows. Both take them from here.
/// </summary>
/// <param name="Aspects">方面 of the round (an aspect has no date of its own: every aspect the round has now).</param>
/// <param name="Problems">反馈问题 (具体问题).</param>
/// <param name="ImmediateFixes">立行立改事项.</param>
/// <param name="Petitions">交办信访件; 办结 is <see cref="ItemFigures.Completed"/>.</param>
/// <param name="All">Every item of the round, whatever its kind: 整改事项合计.</param>
public sealed record RoundFigures(
    Guid RoundId,
    DateOnly AsOf,
    int Aspects,
    ItemFigures Problems,
    ItemFigures ImmediateFixes,
    ItemFigures Petitions,
    ItemFigures All)
{
    /// <summary>The statistics sentence in the published reports' wording: 截至2025年1月16日，巡察反馈的40个具体问题，已完成整改24个….</summary>
    public string Sentence => StatisticsSentence.Write(AsOf, Problems, ImmediateFixes, Petitions);

    /// <summary>What the rectification set out to do, the sentence of the plan: 巡察反馈意见共涉及6个方面、19个具体问题，确定整改事项19个、整改措施55条。</summary>
    public string? PlanSentence => StatisticsSentence.WritePlan(Aspects, Problems, All);

    /// <summary>Whoever may read a round's figures (<see cref="GetRoundFiguresQuery"/>'s roles): the export adds them for these users only.</summary>
    internal static bool MayRead(ICurrentUser user) =>
        user.MaySend(typeof(GetRoundFiguresQuery));

    internal static RoundFigures Of(Guid roundId, DateOnly asOf, int aspects, IReadOnlyCollection<ItemOnDate> items) => new(
        roundId,
        asOf,
        aspects,
        ItemFigures.Of(items.Where(i => i.Kind == ItemKind.Feedback)),
        ItemFigures.Of(items.Where(i => i.Kind == ItemKind.ImmediateFix)),
        ItemFigures.Of(items.Where(i => i.Kind == ItemKind.Petition)),
        ItemFigures.Of(items));

    /// <summary>The figures of a round as of a date, in two queries (the round, then its items); null when there is no such round.</summary>
    internal static async Task<RoundFigures?> ReadAsync(ILedgerDbContext db, Guid roundId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var aspects = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => (int?)r.Aspects.Count)
            .SingleOrDefaultAsync(cancellationToken);
        if (aspects is null)
        {
            return null;
        }

        var items = await ItemsOnDate.ReadAsync(db.Items.Where(i => i.RoundId == roundId), asOf, cancellationToken);
        return Of(roundId, asOf, aspects.Value, items);
    }
}

/// <summary>
/// Counts of a set of items on a date. <see cref="Completed"/>, <see cref="PartiallyDone"/>, <see cref="InProgress"/> and
/// <see cref="NotStarted"/> add up to <see cref="Total"/>; <see cref="ClosedOut"/> is part of <see cref="Completed"/>.
/// </summary>
/// <param name="Completed">完成: 已完成, 销号申请中 and 已销号.</param>
/// <param name="Overdue">超期 on the date, by the deadlines in force that day.</param>
/// <param name="Due">到期应完成: deadline come by the date, or closed out by then (<see cref="ItemOnDate.IsDue"/>).</param>
/// <param name="ClosedOnTime">按期销号: closed out by the date, not after the deadline then in force.</param>
/// <param name="Measures">整改措施 of these items.</param>
public sealed record ItemFigures(
    int Total,
    int Completed,
    int PartiallyDone,
    int InProgress,
    int NotStarted,
    int ClosedOut,
    int Overdue,
    int Due,
    int ClosedOnTime,
    int Measures)
{
    /// <summary>整改完成率: <see cref="Completed"/> ÷ <see cref="Total"/>, in percent to one decimal; null without items.</summary>
    public decimal? CompletionRate => Percent(Completed, Total);

    /// <summary>按期完成率: <see cref="ClosedOnTime"/> ÷ <see cref="Due"/>, in percent to one decimal; null when nothing is due yet.</summary>
    public decimal? OnTimeRate => Percent(ClosedOnTime, Due);

    /// <summary>A rate as the reports write it (90.5%, 100%), in every table, card and sheet; — where there is no base.</summary>
    public static string PercentText(decimal? rate) => rate is { } r ? r.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>What is not 完成 yet, 阶段性完成 included.</summary>
    internal int NotCompleted => Total - Completed;

    /// <summary>The figures of several sets of items taken together.</summary>
    internal static ItemFigures Sum(IEnumerable<ItemFigures> figures) =>
        figures.Aggregate(new ItemFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), (a, b) => new(
            a.Total + b.Total, a.Completed + b.Completed, a.PartiallyDone + b.PartiallyDone, a.InProgress + b.InProgress,
            a.NotStarted + b.NotStarted, a.ClosedOut + b.ClosedOut, a.Overdue + b.Overdue, a.Due + b.Due,
            a.ClosedOnTime + b.ClosedOnTime, a.Measures + b.Measures));

    internal static ItemFigures Of(IEnumerable<ItemOnDate> items)
    {
        var list = items as IReadOnlyCollection<ItemOnDate> ?? [.. items];
        return new(
            list.Count,
            list.Count(i => i.IsCompleted),
            list.Count(i => i.Status == ItemStatus.PartiallyDone),
            list.Count(i => i.Status == ItemStatus.InProgress),
            list.Count(i => i.Status == ItemStatus.NotStarted),
            list.Count(i => i.IsClosedOut),
            list.Count(i => i.IsOverdue),
            list.Count(i => i.IsDue),
            list.Count(i => i.IsClosedOnTime),
            list.Sum(i => i.Measures));
    }

    internal static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The statistics sentence of the published reports (seed 002: 截至2025年1月16日,巡察反馈的40个具体问题,已完成整改24个,
/// 阶段性完成整改16个;巡察交办立行立改事项4个,整改完成4个;交办信访件20件,已全部办结。), written from figures.
/// </summary>
/// <remarks>
/// A kind without items is left out, and so is a count of zero; problems all completed read 已全部完成整改, petitions all
/// done 已全部办结, as the reports put it. Punctuation is the published documents' full-width ，and ；: the seeds' half-width
/// marks were folded when the pages were scraped (as <see cref="ReportDocument"/>'s tests note), and the report this
/// sentence goes into is written in full-width throughout.
/// </remarks>
public static class StatisticsSentence
{
    private const string Comma = "，";
    private const string Semicolon = "；";

    public static string Write(DateOnly asOf, ItemFigures problems, ItemFigures immediateFixes, ItemFigures petitions)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(immediateFixes);
        ArgumentNullException.ThrowIfNull(petitions);
        var parts = new List<string>();
        if (problems.Total > 0)
        {
            parts.Add($"巡察反馈的{problems.Total}个具体问题{Comma}" + (problems.NotCompleted == 0
                ? "已全部完成整改"
                : Counts(
                    (problems.Completed, $"已完成整改{problems.Completed}个"),
                    (problems.PartiallyDone, $"阶段性完成整改{problems.PartiallyDone}个"),
                    (problems.InProgress, $"正在整改{problems.InProgress}个"),
                    (problems.NotStarted, $"尚未启动整改{problems.NotStarted}个"))));
        }

        if (immediateFixes.Total > 0)
        {
            parts.Add($"巡察交办立行立改事项{immediateFixes.Total}个{Comma}" + Counts(
                (immediateFixes.Completed, $"整改完成{immediateFixes.Completed}个"),
                (immediateFixes.NotCompleted, $"正在整改{immediateFixes.NotCompleted}个")));
        }

        if (petitions.Total > 0)
        {
            parts.Add($"交办信访件{petitions.Total}件{Comma}" + (petitions.NotCompleted == 0
                ? "已全部办结"
                : Counts(
                    (petitions.Completed, $"已办结{petitions.Completed}件"),
                    (petitions.NotCompleted, $"正在办理{petitions.NotCompleted}件"))));
        }

        var date = ChinaCalendar.Format(asOf);
        return parts.Count == 0 ? $"截至{date}{Comma}尚未登记巡察反馈问题。" : $"截至{date}{Comma}{string.Join(Semicolon, parts)}。";
    }

    /// <summary>
    /// The plan's size, the figures seed 002 garbled when they were typed (4个方面1640个整改事项151整改措施); null for a round
    /// with neither aspects nor items.
    /// </summary>
    public static string? WritePlan(int aspects, ItemFigures problems, ItemFigures all)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(all);
        var scope = string.Join("、", new[] { (aspects, $"{aspects}个方面"), (problems.Total, $"{problems.Total}个具体问题") }
            .Where(p => p.Item1 > 0).Select(p => p.Item2));
        if (scope.Length == 0 && all.Total == 0)
        {
            return null;
        }

        var plan = all.Total == 0
            ? string.Empty
            : $"确定整改事项{all.Total}个" + (all.Measures > 0 ? $"、整改措施{all.Measures}条" : string.Empty);
        return scope.Length == 0 ? $"{plan}。" : plan.Length == 0 ? $"巡察反馈意见共涉及{scope}。" : $"巡察反馈意见共涉及{scope}{Comma}{plan}。";
    }

    private static string Counts(params (int Count, string Text)[] counts) =>
        string.Join(Comma, counts.Where(c => c.Count > 0).Select(c => c.Text));
}
