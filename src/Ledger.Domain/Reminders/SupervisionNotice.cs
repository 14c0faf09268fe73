using Ledger.Domain.Common;

namespace Ledger.Domain.Reminders;

/// <summary>
/// 督办通知: the office's numbered 督办单 (督〔2025〕3号) for one item or a department's overdue items, with the date a written
/// reply is due. Its text is kept as issued, so the .docx downloaded later says what the department received.
/// </summary>
public sealed class SupervisionNotice : IRecordOfItself
{
    private readonly List<SupervisionNoticeItem> _items = [];

    private SupervisionNotice()
    {
        Addressee = string.Empty;
        Text = string.Empty;
        IssuedBy = string.Empty;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The year of the number; numbers start again at 1 each year, and (Year, Number) is unique.</summary>
    public int Year { get; private init; }

    public int Number { get; private init; }

    public Guid? DepartmentId { get; private init; }

    /// <summary>Whom it is addressed to: the lead department's name.</summary>
    public string Addressee { get; private init; }

    public DateOnly ReplyBy { get; private init; }

    /// <summary>The body as issued, one paragraph a line.</summary>
    public string Text { get; private init; }

    public string IssuedBy { get; private init; }

    public DateTime IssuedAt { get; private init; }

    public IReadOnlyList<SupervisionNoticeItem> Items => _items;

    public string NumberText => NumberTextOf(Year, Number);

    public static string NumberTextOf(int year, int number) => $"督〔{year}〕{number}号";

    public static SupervisionNotice Issue(
        int year, int number, Guid? departmentId, string addressee, DateOnly replyBy, IEnumerable<string> paragraphs, IEnumerable<Guid> itemIds, ChangeStamp stamp)
    {
        var notice = new SupervisionNotice
        {
            Year = year,
            Number = number,
            DepartmentId = departmentId,
            Addressee = Common.Text.Required(addressee, nameof(addressee)),
            ReplyBy = replyBy,
            Text = string.Join('\n', paragraphs),
            IssuedBy = stamp.Actor,
            IssuedAt = stamp.At,
        };
        notice._items.AddRange(itemIds.Distinct().Select(id => new SupervisionNoticeItem(notice.Id, id)));
        return notice;
    }
}

/// <summary>An item a 督办通知 names.</summary>
public sealed class SupervisionNoticeItem
{
    internal SupervisionNoticeItem(Guid noticeId, Guid itemId)
    {
        NoticeId = noticeId;
        ItemId = itemId;
    }

    public Guid NoticeId { get; private init; }

    public Guid ItemId { get; private init; }
}
