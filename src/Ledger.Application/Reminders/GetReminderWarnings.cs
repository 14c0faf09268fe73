using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reminders;

/// <summary>
/// What keeps reminders from being right, for the banner of the administrator and the office and the office's dashboard:
/// years the working calendar lacks, and open items whose reminders reach no one.
/// </summary>
/// <param name="IncludeUnreached">
/// Whether to find the items that reach no one: a walk of every open item, for the dashboard and the API, not for the
/// banner every page shows (at 200,000 items it takes a second).
/// </param>
[Allowed(Roles.Admin, Roles.Office)]
public sealed record GetReminderWarningsQuery(bool IncludeUnreached = true) : IQuery<ReminderWarningsDto>;

/// <param name="UnreachedItems">Open items neither whose 责任人 nor whose lead department's head has an account.</param>
/// <param name="UnreachedWarning">The dashboard's words for them; null when every item reaches someone.</param>
public sealed record ReminderWarningsDto(CalendarCoverage Calendar, int UnreachedItems, string? UnreachedWarning);

internal sealed class GetReminderWarningsQueryHandler(ILedgerDbContext db, WorkingCalendars calendars, IReminderRecipients recipients, RequestContext context)
    : IRequestHandler<GetReminderWarningsQuery, ReminderWarningsDto>
{
    public async Task<ReminderWarningsDto> Handle(GetReminderWarningsQuery request, CancellationToken cancellationToken)
    {
        var coverage = await CalendarCoverage.OfAsync(db, await calendars.CurrentAsync(db, cancellationToken), context.Today, cancellationToken);
        var unreached = request.IncludeUnreached ? (await ReminderReach.UnreachedAsync(db, db.Items.AsNoTracking(), recipients, cancellationToken)).Count : 0;
        return new(
            coverage,
            unreached,
            unreached == 0 ? null : $"{unreached}个未完成事项的提醒无人接收：责任人和牵头部门负责人都没有账号，或尚未明确牵头部门。详见“我的待办”。");
    }
}

/// <summary>Which open items reach no one with their reminders, and why.</summary>
internal static class ReminderReach
{
    /// <returns>Each unreached item among <paramref name="items"/> with why, in the office's words.</returns>
    public static async Task<Dictionary<Guid, string>> UnreachedAsync(
        ILedgerDbContext db, IQueryable<RectificationItem> items, IReminderRecipients recipients, CancellationToken cancellationToken)
    {
        var directory = await recipients.LoadAsync(cancellationToken);
        var rows = await items.Remindable()
            .Select(i => new
            {
                i.Id,
                i.ResponsiblePersonId,
                Person = db.People.Where(p => p.Id == i.ResponsiblePersonId).Select(p => p.Name).FirstOrDefault(),
                i.LeadDepartmentId,
                Department = db.Departments.Where(d => d.Id == i.LeadDepartmentId).Select(d => d.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var unreached = new Dictionary<Guid, string>();
        foreach (var row in rows)
        {
            var parties = new ReminderParties(row.ResponsiblePersonId, row.LeadDepartmentId, null, null, []);
            if (directory.WhyUnreached(parties, row.Person, row.Department) is { } why)
            {
                unreached[row.Id] = why;
            }
        }

        return unreached;
    }
}
