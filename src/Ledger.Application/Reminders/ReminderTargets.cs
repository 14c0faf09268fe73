using Ledger.Application.Common;
using Ledger.Application.Rounds;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;
using Ledger.Domain.Settings;

namespace Ledger.Application.Reminders;

/// <summary>An item as reminders read it: what the planner decides on and what the message says, in one projection.</summary>
/// <param name="Round">市委第三巡察组巡察某区人民检察院党组: whose 第3项 it is, when several rounds are open.</param>
/// <param name="RoundId">Whose short name <see cref="RoundName"/> is, filled in after the query (<see cref="RoundTagNames"/>).</param>
internal sealed record ReminderTarget(
    Guid Id,
    Guid RoundId,
    string Round,
    ItemKind Kind,
    int Number,
    string Title,
    ItemStatus Status,
    DateOnly? DueDate,
    bool IsLongTerm,
    Guid? ResponsiblePersonId,
    string? ResponsiblePersonName,
    Guid? LeadDepartmentId,
    string? LeadDepartmentName,
    Guid? ResponsibleLeaderId,
    DateOnly? LastProgressOn,
    DateTime CreatedAt,
    DateTime? AcknowledgedAt,
    IReadOnlyList<Guid> CoDepartmentIds)
{
    /// <summary>Without any progress report, the item's own creation starts the count of days without one.</summary>
    public ReminderSubject Subject => new(
        Id, Status, DueDate, IsLongTerm, LastProgressOn ?? ChinaCalendar.ToChinaDate(CreatedAt), LeadDepartmentId is not null && AcknowledgedAt is null);

    public ReminderParties Parties(ReminderRules rules) =>
        new(ResponsiblePersonId, LeadDepartmentId, ResponsibleLeaderId, rules.PrincipalLeaderPersonId, CoDepartmentIds);

    /// <summary>The round's short name, 2024年三巡.</summary>
    public string RoundName { get; init; } = string.Empty;

    /// <summary>2024年三巡·第3项「…」: the round and number as the office's ledger shows them, and a title short enough for a subject line.</summary>
    public string Label => ItemNotices.Label(RoundName, Kind, Number, Title);

    public string Link => ItemNotices.Link(Id);
}

internal static class ReminderTargets
{
    /// <summary>Items that can call for a reminder: not yet settled, and with a deadline or marked long-term.</summary>
    public static IQueryable<RectificationItem> Remindable(this IQueryable<RectificationItem> items) =>
        items.Where(i => i.Status < ItemLifecycle.FirstSettled && (i.IsLongTerm || i.DueDate != null));

    public static IQueryable<ReminderTarget> SelectTargets(this IQueryable<RectificationItem> items, ILedgerDbContext db) =>
        items.Select(i => new ReminderTarget(
            i.Id,
            i.RoundId,
            db.Rounds.Where(r => r.Id == i.RoundId).Select(r => r.InspectingTeam + "巡察" + r.InspectedUnit).FirstOrDefault() ?? string.Empty,
            i.Kind,
            i.Number,
            i.Title,
            i.Status,
            i.DueDate,
            i.IsLongTerm,
            i.ResponsiblePersonId,
            db.People.Where(p => p.Id == i.ResponsiblePersonId).Select(p => p.Name).FirstOrDefault(),
            i.LeadDepartmentId,
            db.Departments.Where(d => d.Id == i.LeadDepartmentId).Select(d => d.Name).FirstOrDefault(),
            i.ResponsibleLeaderId,
            i.ProgressReports.Max(p => (DateOnly?)p.ReportDate),
            i.CreatedAt,
            i.AcknowledgedAt,
            i.CoDepartments.Select(c => c.DepartmentId).ToList()));
}
