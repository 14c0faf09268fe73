using Ledger.Application.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reminders;
using Ledger.Domain.Rounds;

namespace Ledger.Application.Items;

/// <summary>The columns of an item as lists show it, read in one SQL statement; the date-dependent parts are added after.</summary>
internal sealed record ItemRow(
    Guid Id,
    Guid Version,
    Guid RoundId,
    Guid AspectId,
    string AspectTitle,
    ItemKind Kind,
    int Number,
    string RoundName,
    string Title,
    ItemStatus Status,
    Guid? LeadDepartmentId,
    string? LeadDepartmentName,
    Guid? ResponsibleLeaderId,
    string? ResponsibleLeaderName,
    Guid? ResponsiblePersonId,
    string? ResponsiblePersonName,
    DateOnly? DueDate,
    bool IsLongTerm,
    int MeasureCount,
    int MeasuresDone,
    DateTime? AcknowledgedAt,
    int ExtensionsApproved,
    DateOnly? OriginalDueDate,
    int DeadlineAdjustments,
    bool ClosedLate,
    int RemindersSent,
    DateTime UpdatedAt)
{
    /// <summary>The row as lists show it on the clock's day, its days left counted in the clock's working days.</summary>
    public ItemListDto ToDto(ItemClock clock) => ToDto(clock, clock.LevelOf(Status, Deadline.From(DueDate, IsLongTerm)));

    private ItemListDto ToDto(ItemClock clock, WarningLevel warning) => new(
        Id,
        Version,
        RoundId,
        AspectId,
        AspectTitle,
        Kind,
        Number,
        RoundName,
        Title,
        Status,
        Status.ToChinese(),
        LeadDepartmentId,
        LeadDepartmentName,
        ResponsibleLeaderId,
        ResponsibleLeaderName,
        ResponsiblePersonId,
        ResponsiblePersonName,
        DueDate,
        IsLongTerm,
        warning == WarningLevel.Red,
        warning,
        DueDate is { } due && !IsLongTerm && Status < ItemLifecycle.FirstSettled ? clock.Calendar.WorkingDaysBetween(clock.Today, due) : null,
        MeasureCount,
        MeasuresDone,
        LeadDepartmentId is not null && AcknowledgedAt is null && Status < ItemLifecycle.FirstSettled,
        ExtensionsApproved,
        OriginalDueDate,
        DeadlineAdjustments,
        ClosedLate,
        RemindersSent,
        UpdatedAt);
}

internal static class ItemRows
{
    /// <summary>
    /// Names come from correlated subqueries so a renamed department shows its current name everywhere. 催办次数 counts
    /// reminder events, not messages: one (kind, series date, stage) sent to three people is one 催办; the leaders'
    /// weekly digest is left out (<see cref="ReminderKinds.CountsAsChase"/>, written out here so SQL can run it).
    /// </summary>
    public static IQueryable<ItemRow> SelectRows(this IQueryable<RectificationItem> items, ILedgerDbContext db) =>
        items.Select(i => new ItemRow(
            i.Id,
            i.Version,
            i.RoundId,
            i.AspectId,
            db.Rounds.SelectMany(r => r.Aspects).Where(a => a.Id == i.AspectId).Select(a => a.Title).FirstOrDefault() ?? string.Empty,
            i.Kind,
            i.Number,
            RoundTag.NameOf(
                db.Rounds.Where(r => r.Id == i.RoundId).Select(r => r.ShortName).FirstOrDefault(),
                db.Rounds.Where(r => r.Id == i.RoundId).Select(r => r.InspectingTeam).FirstOrDefault() ?? string.Empty,
                db.Rounds.Where(r => r.Id == i.RoundId).Select(r => r.InspectionStart).FirstOrDefault(),
                db.Rounds.Where(r => r.Id == i.RoundId).Select(r => r.FeedbackDate).FirstOrDefault()),
            i.Title,
            i.Status,
            i.LeadDepartmentId,
            db.Departments.Where(d => d.Id == i.LeadDepartmentId).Select(d => d.Name).FirstOrDefault(),
            i.ResponsibleLeaderId,
            db.People.Where(p => p.Id == i.ResponsibleLeaderId).Select(p => p.Name).FirstOrDefault(),
            i.ResponsiblePersonId,
            db.People.Where(p => p.Id == i.ResponsiblePersonId).Select(p => p.Name).FirstOrDefault(),
            i.DueDate,
            i.IsLongTerm,
            i.Measures.Count,
            i.Measures.Count(m => m.CompletedOn != null),
            i.AcknowledgedAt,
            i.ExtensionsApproved,
            i.OriginalDueDate,
            i.DeadlineAdjustments,
            i.ClosedLate,
            db.Reminders
                .Where(r => r.ItemId == i.Id && r.Kind != ReminderKind.LeaderDigest)
                .Select(r => new { r.Kind, r.SeriesDate, r.Stage })
                .Distinct()
                .Count(),
            i.UpdatedAt));
}
