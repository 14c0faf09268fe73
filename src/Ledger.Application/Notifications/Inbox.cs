using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Application.Rounds;
using Ledger.Domain.Common;
using Ledger.Domain.Reminders;
using Ledger.Domain.Rounds;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Notifications;

/// <summary>通知: the signed-in user's delivered messages, newest first.</summary>
[Allowed(Roles.Anyone)]
public sealed record ListMyNotificationsQuery(bool UnreadOnly = false, int Page = 1, int PageSize = 20) : IPagedQuery, IQuery<PagedResult<NotificationDto>>;

/// <param name="Body">The message as sent, without its last line's bare link when <paramref name="Link"/> carries it.</param>
/// <param name="Link">The item's page, for a message about one item.</param>
/// <param name="ItemTag">2024年三巡·第3项, the item's round and number as they are now, beside <paramref name="ItemTitle"/>; null without an item.</param>
public sealed record NotificationDto(
    Guid Id,
    ReminderKind Kind,
    string KindText,
    string Title,
    string Body,
    Guid? ItemId,
    string? Link,
    DateOnly Day,
    string DayText,
    DateTime DeliveredAt,
    DateTime? ReadAt,
    string? ItemTag,
    string? ItemTitle);

internal sealed class ListMyNotificationsQueryValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsQueryValidator()
    {
        Include(new PageRules<ListMyNotificationsQuery>(100));
    }
}

internal sealed class ListMyNotificationsQueryHandler(ILedgerDbContext db, ICurrentUser user)
    : IRequestHandler<ListMyNotificationsQuery, PagedResult<NotificationDto>>
{
    public async Task<PagedResult<NotificationDto>> Handle(ListMyNotificationsQuery request, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Inbox(user.UserId);
        if (request.UnreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(n => n.DeliveredAt).ThenByDescending(n => n.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(n => new { n.Id, n.Kind, n.Title, n.Body, n.ItemId, n.Day, n.DeliveredAt, n.ReadAt })
            .ToListAsync(cancellationToken);
        var itemIds = rows.Where(n => n.ItemId is not null).Select(n => n.ItemId!.Value).Distinct().ToList();
        var subjects = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.RoundId, i.Kind, i.Number, i.Title })
            .ToListAsync(cancellationToken);
        var rounds = await RoundTagNames.ReadAsync(db, cancellationToken);
        var about = subjects.ToDictionary(i => i.Id, i => (Tag: RoundTag.Of(rounds.GetValueOrDefault(i.RoundId, string.Empty), i.Kind, i.Number), i.Title));
        var items = rows.Select(n =>
        {
            var link = n.ItemId is { } item ? ItemNotices.Link(item) : null;
            var subject = n.ItemId is { } id && about.TryGetValue(id, out var found) ? found : default;
            return new NotificationDto(
                n.Id, n.Kind, n.Kind.ToChinese(), n.Title, WithoutLinkLine(n.Body, link), n.ItemId, link,
                n.Day, ChinaCalendar.Format(n.Day), n.DeliveredAt!.Value, n.ReadAt, subject.Tag, subject.Title);
        }).ToList();
        return new(items, total, request.Page, request.PageSize);
    }

    // Messages end with 查看事项：/items/<id> so that an email, its base address put in front, links the item; the inbox
    // links it by its tag and title instead of printing the path.
    private static string WithoutLinkLine(string body, string? link)
    {
        if (link is null)
        {
            return body;
        }

        var lines = body.TrimEnd().Split('\n');
        return lines[^1].TrimEnd('\r').EndsWith(link, StringComparison.Ordinal) ? string.Join('\n', lines[..^1]).TrimEnd() : body;
    }
}

/// <summary>The number the app bar shows beside 通知.</summary>

[Allowed(Roles.Anyone)]
public sealed record GetUnreadNotificationCountQuery : IQuery<UnreadCount>;

public sealed record UnreadCount(int Count);

internal sealed class GetUnreadNotificationCountQueryHandler(ILedgerDbContext db, ICurrentUser user)
    : IRequestHandler<GetUnreadNotificationCountQuery, UnreadCount>
{
    public async Task<UnreadCount> Handle(GetUnreadNotificationCountQuery request, CancellationToken cancellationToken) =>
        new(await db.Notifications.AsNoTracking().Inbox(user.UserId).CountAsync(n => n.ReadAt == null, cancellationToken));
}

/// <summary>Marks one of the user's messages read; someone else's message is not found.</summary>
[Allowed(Roles.Anyone)]
public sealed record MarkNotificationReadCommand(Guid Id) : ICommand<UnreadCount>;

internal sealed class MarkNotificationReadCommandValidator : AbstractValidator<MarkNotificationReadCommand>
{
    public MarkNotificationReadCommandValidator() => RuleFor(x => x.Id).RequiredId();
}

internal sealed class MarkNotificationReadCommandHandler(ILedgerDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<MarkNotificationReadCommand, UnreadCount>
{
    public async Task<UnreadCount> Handle(MarkNotificationReadCommand request, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.Inbox(user.UserId).FirstOrDefaultAsync(n => n.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("通知");
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        return new(await db.Notifications.Inbox(user.UserId).CountAsync(n => n.ReadAt == null && n.Id != request.Id, cancellationToken));
    }
}

/// <summary>全部标为已读.</summary>
[Allowed(Roles.Anyone)]
public sealed record MarkAllNotificationsReadCommand : ICommand<UnreadCount>;

internal sealed class MarkAllNotificationsReadCommandHandler(ILedgerDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<MarkAllNotificationsReadCommand, UnreadCount>
{
    public async Task<UnreadCount> Handle(MarkAllNotificationsReadCommand request, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var notification in await db.Notifications.Inbox(user.UserId).Where(n => n.ReadAt == null).ToListAsync(cancellationToken))
        {
            notification.MarkRead(at);
        }

        return new(0);
    }
}

internal static class InboxQueries
{
    /// <summary>What a user sees: their own delivered messages. Cancelled ones never reached them.</summary>
    public static IQueryable<Notification> Inbox(this IQueryable<Notification> notifications, Guid? userId) =>
        notifications.Where(n => n.RecipientUserId == userId && n.DeliveredAt != null);
}
