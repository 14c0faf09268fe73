using System.Globalization;

namespace Ledger.Domain.Items;

/// <summary>整改时限: a date, or 长期坚持 (long-term: no single deadline, never overdue).</summary>
public readonly record struct Deadline
{
    private const string LongTermText = "长期坚持";
    public const string NoneText = "未设定";

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

    /// <summary>Whether <paramref name="next"/> moves this deadline (a change needing a reason), rather than setting the first one.</summary>
    public bool IsMovedBy(Deadline next) => this != None && next != this;

    public override string ToString() =>
        IsLongTerm ? LongTermText : Date is { } date ? Common.ChinaCalendar.Format(date) : NoneText;

    /// <summary>
    /// Reads back what <see cref="ToString"/> wrote, as an item's history keeps its deadlines: 2025年1月16日, 长期坚持 or 未设定.
    /// </summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static Deadline Parse(string text) => text switch
    {
        LongTermText => LongTerm,
        NoneText => None,
        _ when DateOnly.TryParseExact(text, Common.ChinaCalendar.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => On(date),
        _ => throw new FormatException($"“{text}” is not a deadline as Deadline.ToString writes one."),
    };
}
