using System.Linq.Expressions;
using Ledger.Domain.Calendar;

namespace Ledger.Domain.Items;

/// <summary>预警, the ledger's traffic light.</summary>
public enum WarningLevel
{
    /// <summary>红 超期: open and past its deadline.</summary>
    Red,

    /// <summary>黄 临期: open and due within the office's due-soon working days.</summary>
    Yellow,

    /// <summary>绿 正常: open with its deadline further off.</summary>
    Green,

    /// <summary>灰: no deadline is being watched — settled (已完成 and the 销号 steps after it), long-term, or not yet given one.</summary>
    Grey,
}

/// <summary>
/// The overdue (超期) and due-soon (临期) rules, in one place for the aggregate, the list DTOs and the queries: each rule is
/// written once as an expression over an item's status and <see cref="RectificationItem.DeadlineKey"/>; C# runs it
/// compiled, and queries get it bound to the item's columns so the database evaluates the same test.
/// </summary>
public static class DeadlineWarnings
{
    /// <summary>The key of a long-term item or one without a deadline: after every date, so it sorts last and is never overdue.</summary>
    public static readonly DateOnly Unwatched = DateOnly.MaxValue;

    /// <summary>The office's default: 黄 from three working days before the deadline.</summary>
    public const int DefaultDueSoonWorkingDays = 3;

    private static readonly Expression<Func<ItemStatus, DateOnly, DateOnly, bool>> OverdueRule =
        (status, deadlineKey, today) => status < ItemLifecycle.FirstSettled && deadlineKey < today;

    private static readonly Expression<Func<ItemStatus, DateOnly, DateOnly, DateOnly, bool>> DueRule =
        (status, deadlineKey, from, before) => status < ItemLifecycle.FirstSettled && deadlineKey >= from && deadlineKey < before;

    private static readonly Func<ItemStatus, DateOnly, DateOnly, bool> Overdue = OverdueRule.Compile();

    private static readonly Func<ItemStatus, DateOnly, DateOnly, DateOnly, bool> Due = DueRule.Compile();

    /// <summary>The deadline as one sortable, always present date: its own date, or <see cref="Unwatched"/>.</summary>
    public static DateOnly KeyOf(Deadline deadline) => deadline is { IsLongTerm: false, Date: { } date } ? date : Unwatched;

    public static bool IsOverdue(ItemStatus status, Deadline deadline, DateOnly today) => Overdue(status, KeyOf(deadline), today);

    /// <summary>
    /// The first date after the 临期 window that starts today: every date before the (N+1)-th working day after today is at
    /// most N working days away, and the days off right after the N-th working day count with it.
    /// </summary>
    public static DateOnly DueSoonEnd(WorkingCalendar calendar, DateOnly today, int dueSoonWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(today, dueSoonWorkingDays + 1);
    }

    public static WarningLevel LevelOf(ItemStatus status, Deadline deadline, DateOnly today, DateOnly dueSoonEnd)
    {
        var key = KeyOf(deadline);
        return Overdue(status, key, today) ? WarningLevel.Red
            : Due(status, key, today, dueSoonEnd) ? WarningLevel.Yellow
            : status < ItemLifecycle.FirstSettled && key != Unwatched ? WarningLevel.Green
            : WarningLevel.Grey;
    }

    /// <summary>红, 黄, 绿 or 灰, as the export's 预警 column writes it.</summary>
    public static string ToChinese(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "红",
        WarningLevel.Yellow => "黄",
        WarningLevel.Green => "绿",
        _ => "灰",
    };

    /// <summary>超期 on <paramref name="today"/>, as a query's filter.</summary>
    public static Expression<Func<RectificationItem, bool>> OverdueOn(DateOnly today) => OnItems(OverdueRule, today);

    /// <summary>Not 超期 on <paramref name="today"/>, as a query's filter.</summary>
    public static Expression<Func<RectificationItem, bool>> NotOverdueOn(DateOnly today)
    {
        var overdue = OverdueOn(today);
        return Expression.Lambda<Func<RectificationItem, bool>>(Expression.Not(overdue.Body), overdue.Parameters);
    }

    /// <summary>Open and due on a date from <paramref name="from"/> to before <paramref name="before"/>, as a query's filter.</summary>
    public static Expression<Func<RectificationItem, bool>> DueBetween(DateOnly from, DateOnly before) => OnItems(DueRule, from, before);

    /// <summary>
    /// The rule with its first two parameters read from an item's columns and the others as captured values, which a
    /// query provider sends as parameters rather than as literals in its SQL.
    /// </summary>
    private static Expression<Func<RectificationItem, bool>> OnItems(LambdaExpression rule, params DateOnly[] values)
    {
        var item = Expression.Parameter(typeof(RectificationItem), "i");
        var bound = new Dictionary<ParameterExpression, Expression>
        {
            [rule.Parameters[0]] = Expression.Property(item, nameof(RectificationItem.Status)),
            [rule.Parameters[1]] = Expression.Property(item, nameof(RectificationItem.DeadlineKey)),
        };
        for (var n = 0; n < values.Length; n++)
        {
            bound[rule.Parameters[n + 2]] = Expression.Property(Expression.Constant(new Captured(values[n])), nameof(Captured.Value));
        }

        return Expression.Lambda<Func<RectificationItem, bool>>(new Binder(bound).Visit(rule.Body), item);
    }

    private sealed record Captured(DateOnly Value);

    private sealed class Binder(Dictionary<ParameterExpression, Expression> bound) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => bound.GetValueOrDefault(node, node);
    }
}
