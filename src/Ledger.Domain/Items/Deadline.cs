namespace Ledger.Domain.Items;

/// <summary>整改时限: a date, or 长期坚持 (long-term: no single deadline, never overdue).</summary>
public readonly record struct Deadline
{
    private Deadline(DateOnly? date, bool isLongTerm)
    {
        Date = date;
        IsLongTerm = isLongTerm;
    }

    public DateOnly? Date { get; }

    public bool IsLongTerm { get; }

    public static Deadline None => default;

    public static Deadline LongTerm => new(null, true);

    public static Deadline On(DateOnly date) => new(date, false);

    public static Deadline From(DateOnly? date, bool isLongTerm) =>
        isLongTerm ? LongTerm : date is { } d ? On(d) : None;

    public override string ToString() =>
        IsLongTerm ? "长期坚持" : Date is { } date ? Common.ChinaCalendar.Format(date) : "未设定";
}
