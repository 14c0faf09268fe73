using System.Globalization;
using Ledger.Domain.Common;

namespace Ledger.Application.Reports;

/// <summary>
/// The 统计 sheet the ledger export adds after the 台账 sheet: a round's <see cref="RoundFigures"/> as text cells — a title,
/// the statistics sentence, a table by kind of item, the aspects, and what the columns mean. An import reads the first
/// sheet only, so this one never comes back in.
/// </summary>
public static class FiguresSheetLayout
{
    public const string SheetName = "统计";

    public const string Problems = "反馈问题";
    public const string ImmediateFixes = "立行立改";
    public const string Petitions = "信访件";
    public const string All = "合计";
    public const string Aspects = "方面";

    public static readonly IReadOnlyList<string> Headers =
        ["类别", "事项", "整改措施", "已完成", "阶段性完成", "整改中", "未启动", "已销号", "超期", "到期应完成", "按期销号", "整改完成率", "按期完成率"];

    public const string Note =
        "说明：按截至日24时前台账记录的情况统计，本轮全部事项，不受台账筛选条件影响；已完成含销号申请中和已销号；超期和到期按当日的整改时限；" +
        "整改完成率＝已完成÷事项，按期完成率＝按期销号÷到期应完成（到期应完成含已提前销号的事项）。";

    public static string Title(DateOnly asOf) => $"整改情况统计（截至{ChinaCalendar.Format(asOf)}）";

    public static IReadOnlyList<IReadOnlyList<string?>> Rows(RoundFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return
        [
            [Title(figures.AsOf)],
            [figures.Sentence],
            Headers,
            Row(Problems, figures.Problems),
            Row(ImmediateFixes, figures.ImmediateFixes),
            Row(Petitions, figures.Petitions),
            Row(All, figures.All),
            [Aspects, Count(figures.Aspects)],
            [Note],
        ];
    }

    private static string[] Row(string kind, ItemFigures f) =>
    [
        kind,
        Count(f.Total),
        Count(f.Measures),
        Count(f.Completed),
        Count(f.PartiallyDone),
        Count(f.InProgress),
        Count(f.NotStarted),
        Count(f.ClosedOut),
        Count(f.Overdue),
        Count(f.Due),
        Count(f.ClosedOnTime),
        ItemFigures.PercentText(f.CompletionRate),
        ItemFigures.PercentText(f.OnTimeRate),
    ];

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
