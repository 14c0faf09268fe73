using Ledger.Application.Reports;
using Ledger.Domain.Items;

namespace Ledger.Application.Dashboard;

/// <summary>领导看板 on <see cref="Today"/>: the figures of the rounds the user sees, or of one round.</summary>
/// <param name="RoundId">The round asked for; null for every round the user sees.</param>
/// <param name="DueSoonWorkingDays">黄: open items due within this many working days (today counting as 0).</param>
/// <param name="Totals">The figures of all of them, as <c>GET /api/rounds/{id}/figures</c> counts a round (<see cref="ItemFigures"/>).</param>
/// <param name="Rounds">The same figures round by round, the latest feedback first.</param>
/// <param name="Departments">超期 (红) and 临期 (黄) open items by lead department, the most overdue first.</param>
/// <param name="Aging">Overdue items by working days overdue.</param>
/// <param name="Overdue">超期清单: the most overdue first.</param>
/// <param name="Upcoming">Open items due in the next two weeks (<see cref="GetDashboardQuery.UpcomingWorkingDays"/> working days), the soonest first.</param>
/// <param name="Trend">Open and closed-out items week by week, the oldest week first.</param>
/// <param name="MovedOutOfOverdue">
/// 因调整时限退出超期: open items overdue at their 原定时限 that are not overdue now because the deadline moved
/// (the ledger's <see cref="Items.ListItemsQuery.MovedOutOfOverdue"/>).
/// </param>
public sealed record DashboardDto(
    DateOnly Today,
    Guid? RoundId,
    int DueSoonWorkingDays,
    ItemFigures Totals,
    IReadOnlyList<RoundTotalsDto> Rounds,
    IReadOnlyList<DepartmentWarningsDto> Departments,
    IReadOnlyList<AgingBucketDto> Aging,
    DashboardList<OverdueItemDto> Overdue,
    DashboardList<UpcomingItemDto> Upcoming,
    IReadOnlyList<WeekTrendDto> Trend,
    int MovedOutOfOverdue);

public sealed record RoundTotalsDto(Guid RoundId, string InspectingTeam, string InspectedUnit, DateOnly? FeedbackDate, ItemFigures Figures);

/// <param name="DepartmentId">Null for open items no lead department has been given yet.</param>
/// <param name="Overdue">红: 超期.</param>
/// <param name="DueSoon">黄: due within <see cref="DashboardDto.DueSoonWorkingDays"/> working days.</param>
public sealed record DepartmentWarningsDto(Guid? DepartmentId, string DepartmentName, int Overdue, int DueSoon);

/// <summary>Overdue items from <see cref="FromWorkingDays"/> to <see cref="ToWorkingDays"/> working days overdue, bounds included; null is open-ended.</summary>
public sealed record AgingBucketDto(int? FromWorkingDays, int? ToWorkingDays, int Count);

/// <summary>The first <see cref="GetDashboardQuery.ListLength"/> rows of a list and how many there are in all.</summary>
public sealed record DashboardList<T>(int Total, IReadOnlyList<T> Rows);

/// <param name="OriginalDueDate">原定时限: the deadline before it first moved (延期 or 责任分工); the current one if it never did.</param>
/// <param name="DueDate">The deadline in force.</param>
/// <param name="WorkingDaysOverdue">Working days from the deadline to today (0 when it passed on a day off just before).</param>
/// <param name="RemindersSent">催办次数, as the ledger counts them.</param>
/// <param name="RoundTag">2024年三巡·第11项, as <see cref="Items.ItemListDto.RoundTag"/>.</param>
public sealed record OverdueItemDto(
    Guid Id,
    Guid RoundId,
    ItemKind Kind,
    int Number,
    string RoundTag,
    string Title,
    string StatusText,
    Guid? LeadDepartmentId,
    string? LeadDepartmentName,
    string? ResponsiblePersonName,
    DateOnly OriginalDueDate,
    DateOnly DueDate,
    int WorkingDaysOverdue,
    int RemindersSent);

/// <param name="WorkingDaysLeft">0 on the day itself.</param>
public sealed record UpcomingItemDto(
    Guid Id,
    Guid RoundId,
    ItemKind Kind,
    int Number,
    string RoundTag,
    string Title,
    string StatusText,
    string? LeadDepartmentName,
    string? ResponsiblePersonName,
    DateOnly DueDate,
    int WorkingDaysLeft);

/// <summary>One week, Monday to Sunday in China, as the ledger had recorded it.</summary>
/// <param name="WeekEnd">Sunday, or today for the week under way.</param>
/// <param name="Open">Items recorded by the end of <see cref="WeekEnd"/> and not 已销号 then.</param>
/// <param name="ClosedOut">Items closed out (销号) during the week.</param>
public sealed record WeekTrendDto(DateOnly WeekStart, DateOnly WeekEnd, int Open, int ClosedOut);
