using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Common;
using Ledger.Domain.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>邮件发送情况: the daily digests, failing and failed first, so a broken mail server shows at once.</summary>
[Allowed(Roles.Admin)]
public sealed record ListEmailDeliveriesQuery(EmailDigestState? State = null, int Page = 1, int PageSize = 50) : IPagedQuery, IQuery<PagedResult<EmailDeliveryDto>>;

public sealed record EmailDeliveryDto(
    Guid Id,
    Guid RecipientUserId,
    string? RecipientName,
    string Address,
    DateOnly Day,
    string DayText,
    EmailDigestState State,
    string StateText,
    int Attempts,
    string? LastError,
    DateTime NextAttemptAt,
    DateTime? SentAt,
    int Messages);

internal sealed class ListEmailDeliveriesQueryValidator : AbstractValidator<ListEmailDeliveriesQuery>
{
    public ListEmailDeliveriesQueryValidator()
    {
        Include(new PageRules<ListEmailDeliveriesQuery>(200));
    }
}

internal sealed class ListEmailDeliveriesQueryHandler(ILedgerDbContext db, IReminderRecipients recipients)
    : IRequestHandler<ListEmailDeliveriesQuery, PagedResult<EmailDeliveryDto>>
{
    public async Task<PagedResult<EmailDeliveryDto>> Handle(ListEmailDeliveriesQuery request, CancellationToken cancellationToken)
    {
        var digests = db.EmailDigests.AsNoTracking();
        if (request.State is { } state)
        {
            digests = digests.Where(d => d.State == state);
        }

        var total = await digests.CountAsync(cancellationToken);
        var rows = await digests
            .OrderBy(d => d.State == EmailDigestState.Failed ? 0 : d.LastError != null && d.State == EmailDigestState.Pending ? 1 : 2)
            .ThenByDescending(d => d.Day).ThenBy(d => d.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(d => new
            {
                d.Id,
                d.RecipientUserId,
                d.Address,
                d.Day,
                d.State,
                d.Attempts,
                d.LastError,
                d.NextAttemptAt,
                d.SentAt,
                Messages = db.Notifications.Count(n => n.EmailDigestId == d.Id),
            })
            .ToListAsync(cancellationToken);
        var directory = await recipients.LoadAsync(cancellationToken);
        return new(
            rows.ConvertAll(d => new EmailDeliveryDto(
                d.Id, d.RecipientUserId, directory.Find(d.RecipientUserId)?.DisplayName, d.Address, d.Day, ChinaCalendar.Format(d.Day),
                d.State, StateText(d.State, d.LastError), d.Attempts, d.LastError, d.NextAttemptAt, d.SentAt, d.Messages)),
            total,
            request.Page,
            request.PageSize);
    }

    private static string StateText(EmailDigestState state, string? lastError) => state switch
    {
        EmailDigestState.Pending when lastError is not null => "发送失败，等待重试",
        EmailDigestState.Pending => "待发送",
        EmailDigestState.Sending => "发送中",
        EmailDigestState.Sent => "已发送",
        EmailDigestState.Failed => "发送失败",
        EmailDigestState.Cancelled => "提醒已不再适用，未发送",
        _ => state.ToString(),
    };
}

/// <summary>After the mail server is fixed, an admin sends a failed digest again; the dispatcher picks it up within a minute.</summary>
[Allowed(Roles.Admin)]
public sealed record RetryEmailDeliveryCommand(Guid Id) : ICommand<Unit>;

internal sealed class RetryEmailDeliveryCommandValidator : AbstractValidator<RetryEmailDeliveryCommand>
{
    public RetryEmailDeliveryCommandValidator() => RuleFor(x => x.Id).RequiredId();
}

internal sealed class RetryEmailDeliveryCommandHandler(ILedgerDbContext db, TimeProvider clock) : IRequestHandler<RetryEmailDeliveryCommand, Unit>
{
    public async Task<Unit> Handle(RetryEmailDeliveryCommand request, CancellationToken cancellationToken)
    {
        var digest = await db.EmailDigests.FirstOrDefaultAsync(d => d.Id == request.Id, cancellationToken) ?? throw new NotFoundException("邮件");
        digest.Retry(clock.GetUtcNow().UtcDateTime);
        return Unit.Value;
    }
}
