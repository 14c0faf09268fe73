using Ledger.Application.Common;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Application.Reminders;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;
using Ledger.Domain.Reminders.Rules;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>
/// 催办 by hand: the office or the item's 责任领导 chases an open item with their own words. The 责任人 (or, without an
/// account, the head) and the lead department's head get it at once; it counts in 催办次数 and stays in the history.
/// </summary>
[ItemStep(ItemAction.Chase, ItemRight.Supervise)]
[Allowed(Roles.Office, Roles.Leader)]
public sealed record ChaseItemCommand(Guid Id, Guid Version, string Message) : IItemCommand;

internal sealed class ChaseItemCommandValidator : ItemCommandValidator<ChaseItemCommand>
{
    public ChaseItemCommandValidator()
    {
        RuleFor(x => x.Message).RequiredText(CommonRules.LongText);
    }
}

internal sealed class ChaseItemCommandHandler(ILedgerDbContext db, RequestContext context, ItemNotices notices, TimeProvider clock)
    : ItemCommandHandler<ChaseItemCommand>(db, context)
{
    protected override async Task ApplyAsync(RectificationItem item, ChaseItemCommand request, RequestContext context, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        item.Chase(request.Message, stamp);
        var to = await notices.RecipientsAsync(item, NoticeAudience.LeadDepartment, cancellationToken);
        BusinessRules.Check(new ChaseMustReachSomeone(to.Count));
        var sent = await notices.SendAsync(to, item, ReminderKind.ManualChase, "，请抓紧整改", $"{stamp.Actor}催办：{request.Message.Trim()}", cancellationToken);

        // A reminder per recipient, so 催办次数 counts it as the scan's are counted; the day's n-th chase is its stage,
        // and the item's version, renewed by the chase, keeps two chases at once from taking the same one.
        var day = context.Today;
        var stage = 1 + (await Db.Reminders.Where(r => r.ItemId == item.Id && r.Kind == ReminderKind.ManualChase && r.SeriesDate == day)
            .Select(r => (int?)r.Stage).MaxAsync(cancellationToken) ?? 0);
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var notification in sent)
        {
            Db.Reminders.Add(Reminder.For(new ReminderKey(item.Id, ReminderKind.ManualChase, day, stage, notification.RecipientUserId), day, notification.Id, at));
        }
    }
}
