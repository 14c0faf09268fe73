namespace Ledger.Domain.Common;

/// <summary>
/// The dates the ledger accepts from a user, in a command or a filter: 2000年1月1日 to 2100年12月31日. A rectification
/// ledger has no business before or after; a typo such as 0205-03-31 or 9999-12-31 is refused before it is stored or
/// reaches date arithmetic that would overflow.
/// </summary>
public static class DateWindow
{
    public static readonly DateOnly First = new(2000, 1, 1);

    public static readonly DateOnly Last = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    public static string Message => $"日期须在{ChinaCalendar.Format(First)}至{ChinaCalendar.Format(Last)}之间。";
}
