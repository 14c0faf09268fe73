using System.Linq.Expressions;
using FluentValidation;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Reminders;
using Ledger.Application.Settings;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Items;

/// <summary>What a group of 我的待办 asks its user to do.</summary>
public enum MyWorkKind
{
    /// <summary>The department's items to 签收.</summary>
    AwaitingAcknowledgement,

    /// <summary>The department's items without a recent progress report.</summary>
    ProgressDue,

    /// <summary>The department's items past their deadline.</summary>
    Overdue,

    /// <summary>The department's items due within a few working days.</summary>
    DueSoon,

    /// <summary>The department's items with a measure whose required evidence is missing.</summary>
    EvidenceMissing,

    /// <summary>The department's close-out requests sent back and extension requests rejected.</summary>
    SentBack,

    /// <summary>The office's close-out requests to review.</summary>
    CloseOutToReview,

    /// <summary>The office's items without a lead department, a responsible leader or a deadline.</summary>
    Unassigned,

    /// <summary>A leader's reviewed close-out requests to approve.</summary>
    CloseOutToApprove,

    /// <summary>A leader's pending extension requests to decide.</summary>
    ExtensionToDecide,

    /// <summary>A leader's overdue items, the ones they answer for as 责任领导.</summary>
    LeaderOverdue,

    /// <summary>The office's open items whose reminders reach no account, each with why.</summary>
    Unreached,

    /// <summary>The administrator's open items with a deadline in a year the working calendar lacks.</summary>
    CalendarMissing,

    /// <summary>The department's items with a 领导批示 not yet marked 已阅.</summary>
    Instructions,

    /// <summary>The department's 已完成 items, whose next step is its 销号申请.</summary>
    ReadyForCloseOut,
}

/// <summary>
/// 我的待办: the items the signed-in user must act on, grouped by what they must do, as their roles and scope decide.
/// Department users get their department's items (lead or co-department, as the ledger scopes them; 签收 and the
/// requests sent back only where they lead); the office gets close-out requests to review and items not fully
/// assigned; leaders get the close-out and extension requests to approve — all of them when the workflow setting says
/// all leaders approve, else those they are 责任领导 of — and their overdue items. Extension requests go straight to a
/// leader, so the office has none to review. A supervisor or an administrator has no groups.
/// </summary>
/// <remarks>
/// 待报送进展 is the weekly 进展报送提醒's rule: an unsettled item with a deadline or long-term whose latest progress
/// report — or its entry into the ledger, when it has none — is at least the office's <c>ProgressStaleDays</c> (7 by
/// default) days old. A close-out request stays 被退回 until the item's status next changes; a rejected extension until
/// the department reports progress or asks again.
/// </remarks>
/// <param name="DueSoonWorkingDays">
/// 即将到期: open items due within this many working days; null (the default) for the office's 临期 threshold, as the
/// ledger's traffic light counts them.
/// </param>
/// <param name="CountOnly">Only <see cref="MyWorkDto.ItemCount"/>, for the menu: no group is listed.</param>
[Allowed(Roles.Anyone)]
public sealed record ListMyWorkQuery(int? DueSoonWorkingDays = null, bool CountOnly = false) : IQuery<MyWorkDto>;

/// <param name="Groups">Each group the user's roles give, empty ones included, so a page can say there is nothing to do.</param>
/// <param name="ItemCount">How many items wait, each once however many groups hold it.</param>
public sealed record MyWorkDto(IReadOnlyList<MyWorkGroup> Groups, int ItemCount);

/// <param name="TotalCount">How many items the group holds.</param>
/// <param name="Items">The first <see cref="ListMyWorkQueryHandler.GroupSize"/> by deadline, listed round by round in the order of their numbers.</param>
/// <param name="Ledger">The ledger's filter showing exactly this group, or null when no filter of the ledger expresses it.</param>
/// <param name="Notes">A line to show under a row, by item id: why an item is in the group, where the group says so per item.</param>
public sealed record MyWorkGroup(
    MyWorkKind Kind,
    string Title,
    string Description,
    int TotalCount,
    IReadOnlyList<ItemListDto> Items,
    ListItemsQuery? Ledger,
    IReadOnlyDictionary<Guid, string>? Notes = null);

internal sealed class ListMyWorkQueryValidator : AbstractValidator<ListMyWorkQuery>
{
    public ListMyWorkQueryValidator() =>
        RuleFor(x => x.DueSoonWorkingDays).InclusiveBetween(0, 30).WithMessage("即将到期的工作日数须在 0 到 30 之间。");
}

internal sealed class ListMyWorkQueryHandler(ILedgerDbContext db, RequestContext context, WorkingCalendars calendars, IReminderRecipients recipients)
    : IRequestHandler<ListMyWorkQuery, MyWorkDto>
{
    /// <summary>Rows a group shows at most; its count says how many more there are.</summary>
    public const int GroupSize = 50;

    /// <summary>
    /// A close-out request sent back (退回 by the office or 驳回 by a leader: its last status change left 销号申请中 for
    /// 整改中), or the latest extension request rejected with no progress reported since.
    /// </summary>
    private static readonly Expression<Func<RectificationItem, bool>> SentBack = i =>
        (i.Status == ItemStatus.InProgress
            && i.History.Where(h => h.Change == ItemChange.StatusChanged).OrderByDescending(h => h.At).Select(h => h.From).FirstOrDefault()
                == nameof(ItemStatus.CloseOutRequested))
        || (i.Extensions.OrderByDescending(e => e.RequestedAt).Select(e => e.Decision).FirstOrDefault() == ExtensionDecision.Rejected
            && !i.ProgressReports.Any(p => p.RecordedAt > i.Extensions.OrderByDescending(e => e.RequestedAt).Select(e => e.DecidedAt).FirstOrDefault()));

    public async Task<MyWorkDto> Handle(ListMyWorkQuery request, CancellationToken cancellationToken)
    {
        var user = context.User;
        var today = context.Today;
        var clock = await ItemClock.ReadAsync(db, context, calendars, cancellationToken, request.DueSoonWorkingDays);
        var calendar = clock.Calendar;
        var visible = db.Items.AsNoTracking().VisibleTo(user);
        var groups = new List<MyWorkGroup>();
        IQueryable<Guid>? waiting = null;

        async Task AddAsync(
            MyWorkKind kind, string title, string description, IQueryable<RectificationItem> items, ListItemsQuery? ledger = null, IReadOnlyDictionary<Guid, string>? notes = null)
        {
            waiting = waiting is null ? items.Select(i => i.Id) : waiting.Union(items.Select(i => i.Id));
            if (request.CountOnly)
            {
                return;
            }

            var page = await ListItemsQueryHandler.PageAsync(
                db, items, (ledger ?? new ListItemsQuery()) with { Sort = ItemSort.Deadline, Page = 1, PageSize = GroupSize }, clock, cancellationToken);
            var shown = notes?.Where(n => page.Items.Any(i => i.Id == n.Key)).ToDictionary();
            var byRound = page.Items.OrderBy(i => i.RoundName, StringComparer.Ordinal)
                .ThenBy(i => i.RoundId).ThenBy(i => i.Kind).ThenBy(i => i.Number).ToList();
            groups.Add(new MyWorkGroup(kind, title, description, page.TotalCount, byRound, ledger, shown));
        }

        async Task AddFilteredAsync(MyWorkKind kind, string title, string description, ListItemsQuery ledger) =>
            await AddAsync(kind, title, description, ListItemsQueryHandler.Filter(db, visible, ledger, clock), ledger);

        if (user.IsIn(Roles.Department) && user.DepartmentId is { } department)
        {
            if (user.MaySend(typeof(ReadInstructionsCommand)))
            {
                await AddAsync(
                    MyWorkKind.Instructions,
                    "待阅的领导批示",
                    "领导对本部门牵头的事项作出批示、尚未标为已阅的事项。",
                    visible.Where(i => i.LeadDepartmentId == department && i.Instructions.Any(x => x.ReadAt == null)));
            }

            if (user.MaySend(typeof(AcknowledgeItemCommand)))
            {
                await AddFilteredAsync(
                    MyWorkKind.AwaitingAcknowledgement,
                    "待签收",
                    "已交办本部门牵头、尚未签收的事项。",
                    new ListItemsQuery { AwaitingAcknowledgement = true, LeadDepartmentId = department, Sort = ItemSort.Deadline });
            }

            if (user.MaySend(typeof(ReportProgressCommand)))
            {
                var staleDays = (await db.CurrentReminderSettingsAsync(cancellationToken)).ProgressStaleDays;
                var lastDay = today.AddDays(-staleDays);
                var enteredBefore = ChinaCalendar.StartOf(lastDay.AddDays(1));
                await AddAsync(
                    MyWorkKind.ProgressDue,
                    "待报送进展",
                    $"{staleDays}天以上未报送进展情况的事项（从未报送的，自录入台账之日算起）。",
                    visible.Remindable().Where(i => !i.ProgressReports.Any(p => p.ReportDate > lastDay)
                        && (i.ProgressReports.Any() || i.CreatedAt < enteredBefore)));
            }

            await AddFilteredAsync(
                MyWorkKind.Overdue, "已超期", "已过整改时限、尚未完成的事项。", new ListItemsQuery { Overdue = true, Sort = ItemSort.Deadline });
            await AddFilteredAsync(
                MyWorkKind.DueSoon,
                "即将到期",
                $"{clock.DueSoonWorkingDays}个工作日内到期、尚未完成的事项。",
                new ListItemsQuery { DueWithinDays = clock.DueSoonWorkingDays, Sort = ItemSort.Deadline });

            if (user.MaySend(typeof(AttachEvidenceCommand)))
            {
                await AddAsync(
                    MyWorkKind.EvidenceMissing,
                    "待补佐证材料",
                    "有整改措施须单独提交佐证材料、尚未提交的事项。",
                    visible.Where(i => i.Status < ItemStatus.CloseOutRequested
                        && i.Measures.Any(m => m.EvidenceRequired && !i.Evidence.Any(e => e.MeasureId == m.Id && e.WithdrawnAt == null))));
            }

            if (user.MaySend(typeof(RequestCloseOutCommand)))
            {
                await AddFilteredAsync(
                    MyWorkKind.ReadyForCloseOut,
                    "待申请销号",
                    "本部门牵头、已完成整改，可提交佐证材料申请销号的事项。",
                    new ListItemsQuery { Statuses = [ItemStatus.Completed], LeadDepartmentId = department, Sort = ItemSort.Deadline });
            }

            if (user.MaySend(typeof(RequestCloseOutCommand)) || user.MaySend(typeof(RequestExtensionCommand)))
            {
                await AddAsync(
                    MyWorkKind.SentBack,
                    "被退回的申请",
                    "销号申请被退回或驳回、延期申请被驳回，须继续整改或重新申请的事项。",
                    visible.Where(i => i.LeadDepartmentId == department && i.Status < ItemLifecycle.FirstSettled).Where(SentBack));
            }
        }

        if (user.MaySend(typeof(ReviewCloseOutCommand)))
        {
            await AddAsync(
                MyWorkKind.CloseOutToReview,
                "待审核的销号申请",
                "牵头部门已申请销号、等待整改办审核的事项。",
                visible.Where(i => i.Status == ItemStatus.CloseOutRequested && i.CloseOutReviewedAt == null));
        }

        if (user.MaySend(typeof(AssignItemCommand)))
        {
            await AddFilteredAsync(
                MyWorkKind.Unassigned,
                "待分工的事项",
                "尚未明确牵头部门、责任领导或整改时限的事项；在台账中勾选后可批量分工。",
                new ListItemsQuery { Unassigned = true, Sort = ItemSort.Deadline });
        }

        if (user.IsIn(Roles.Office))
        {
            var unreached = await ReminderReach.UnreachedAsync(db, visible, recipients, cancellationToken);
            var ids = unreached.Keys.ToList();
            await AddAsync(
                MyWorkKind.Unreached,
                "提醒无人接收的事项",
                "责任人和牵头部门负责人都没有账号，或尚未明确牵头部门：系统的提醒发不到任何人。请开通账号或调整分工。",
                visible.Where(i => ids.Contains(i.Id)),
                notes: unreached);
        }

        if (user.IsIn(Roles.Admin))
        {
            // Shown only while a year is missing: an administrator otherwise has nothing to do here.
            var coverage = await CalendarCoverage.OfAsync(db, calendar, today, cancellationToken);
            if (coverage.Warning is { } warning)
            {
                var years = coverage.MissingYears.ToList();
                var all = years.Contains(today.Year);
                await AddAsync(
                    MyWorkKind.CalendarMissing,
                    "待补录的工作日历",
                    warning,
                    visible.Remindable().Where(i => !i.IsLongTerm && i.DueDate != null && (all || years.Contains(i.DueDate!.Value.Year))));
            }
        }

        if (user.IsIn(Roles.Leader))
        {
            // ItemAccess.Can's approval right, written so the database filters by it.
            var allLeadersApprove = (await db.CurrentWorkflowSettingsAsync(cancellationToken)).AllLeadersApprove;
            var person = user.PersonId;
            var mine = allLeadersApprove ? visible : visible.Where(i => person != null && i.ResponsibleLeaderId == person);
            var whose = allLeadersApprove ? "，各位领导均可审批" : "，您作为责任领导审批";
            if (user.MaySend(typeof(DecideCloseOutCommand)))
            {
                await AddAsync(
                    MyWorkKind.CloseOutToApprove,
                    "待审批的销号申请",
                    $"整改办已审核通过、等待领导审批的销号申请{whose}。",
                    mine.Where(i => i.Status == ItemStatus.CloseOutRequested && i.CloseOutReviewedAt != null));
            }

            if (user.MaySend(typeof(DecideExtensionCommand)))
            {
                await AddAsync(
                    MyWorkKind.ExtensionToDecide,
                    "待审批的延期申请",
                    $"牵头部门申请延长整改时限、等待领导审批的事项{whose}。",
                    mine.Where(i => i.Status < ItemStatus.ClosedOut && i.Extensions.Any(e => e.Decision == ExtensionDecision.Pending)));
            }

            if (person is { } leader)
            {
                await AddFilteredAsync(
                    MyWorkKind.LeaderOverdue,
                    "我分管的超期事项",
                    "您作为责任领导、已过整改时限尚未完成的事项。",
                    new ListItemsQuery { Overdue = true, ResponsibleLeaderId = leader, Sort = ItemSort.Deadline });
            }
        }

        return new MyWorkDto(groups, waiting is null ? 0 : await waiting.CountAsync(cancellationToken));
    }
}
