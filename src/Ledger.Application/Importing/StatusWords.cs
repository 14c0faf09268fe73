using System.Text.RegularExpressions;
using Ledger.Domain.Items;

namespace Ledger.Application.Importing;

/// <summary>The phrases documents state a status in (已完成/已整改, 阶段性完成/基本完成, 正在推进/持续推进, 未启动/尚未启动 …).</summary>
internal static partial class StatusWords
{
    public static ItemStatus? Of(string text) => text switch
    {
        _ when text.Contains("销号", StringComparison.Ordinal) => ItemStatus.ClosedOut,
        _ when text.Contains("阶段性", StringComparison.Ordinal) || text.Contains("基本完成", StringComparison.Ordinal) => ItemStatus.PartiallyDone,
        _ when text.Contains("未启动", StringComparison.Ordinal) || text.Contains("未开始", StringComparison.Ordinal) => ItemStatus.NotStarted,
        _ when text.Contains("未完成", StringComparison.Ordinal) || text.Contains("正在", StringComparison.Ordinal)
            || text.Contains("整改中", StringComparison.Ordinal) || text.Contains("推进中", StringComparison.Ordinal)
            || text.Contains("持续", StringComparison.Ordinal) || text.Contains("长期坚持", StringComparison.Ordinal) => ItemStatus.InProgress,
        _ when text.Contains("完成", StringComparison.Ordinal) || text.Contains("办结", StringComparison.Ordinal) || text.Contains("已整改", StringComparison.Ordinal) => ItemStatus.Completed,
        _ => null,
    };

    /// <summary>A status stated as the first words of 整改情况: "已完成。…", "正在推进，…"; the rest is what was done.</summary>
    [GeneratedRegex(
        @"^(?<status>已完成整改|已整改完成|已完成|已整改|已办结|整改完成|完成|阶段性完成|基本完成|正在推进|正在整改|持续推进|持续整改|整改中|推进中|未启动|尚未启动|未完成|长期坚持)(?:[。,;:!，；：]\s*|$)(?<rest>.*)$",
        RegexOptions.NonBacktracking | RegexOptions.Singleline)]
    public static partial Regex Leading();
}
