using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>An item's state after a command: send <see cref="Version"/> with the next change.</summary>
public sealed record ItemState(Guid Id, Guid Version, ItemStatus Status, string StatusText)
{
    public static ItemState Of(RectificationItem item) => new(item.Id, item.Version, item.Status, item.Status.ToChinese());
}

public sealed record ItemListDto(
    Guid Id,
    Guid Version,
    Guid RoundId,
    Guid AspectId,
    string AspectTitle,
    ItemKind Kind,
    int Number,
    string Title,
    ItemStatus Status,
    string StatusText,
    Guid? LeadDepartmentId,
    string? LeadDepartmentName,
    Guid? ResponsibleLeaderId,
    string? ResponsibleLeaderName,
    string? ResponsiblePersonName,
    DateOnly? DueDate,
    bool IsLongTerm,
    bool IsOverdue,
    int? DaysLeft,
    int MeasureCount,
    int MeasuresDone,
    DateTime UpdatedAt);

public sealed record NamedRef(Guid Id, string Name);

public sealed record MeasureDto(
    Guid Id, int Sequence, string Text, Guid? LeadDepartmentId, string? LeadDepartmentName, DateOnly? DueDate, DateOnly? CompletedOn, string? CompletedBy);

public sealed record ProgressReportDto(
    Guid Id, DateOnly ReportDate, string Progress, string? NextSteps, string? Problems, string ReportedBy, DateTime RecordedAt);

public sealed record EvidenceDto(
    Guid Id, Guid? MeasureId, string FileName, string Sha256, long SizeBytes, string? Note, DateOnly EffectiveDate, string UploadedBy, DateTime UploadedAt);

public sealed record HistoryEntryDto(DateTime At, string Actor, ItemChange Change, string Summary, string? From, string? To, string? Reason);

public sealed record ItemDetailDto(
    ItemListDto Item,
    string Description,
    IReadOnlyList<NamedRef> CoDepartments,
    string? CloseOutSummary,
    DateTime? CloseOutReviewedAt,
    string? CloseOutReviewedBy,
    IReadOnlyList<ItemAction> AvailableActions,
    IReadOnlyList<MeasureDto> Measures,
    IReadOnlyList<ProgressReportDto> ProgressReports,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<HistoryEntryDto> History);
