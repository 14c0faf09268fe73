using Ledger.Domain.Calendar;
using Ledger.Domain.Items;

namespace Ledger.Application.Items;

/// <summary>An item's state after a command: send <see cref="Version"/> with the next change.</summary>
public sealed record ItemState(Guid Id, Guid Version, ItemStatus Status, string StatusText)
{
    public static ItemState Of(RectificationItem item) => new(item.Id, item.Version, item.Status, item.Status.ToChinese());
}

/// <param name="WorkingDaysLeft">
/// Working days from today to the deadline (<see cref="WorkingCalendar.WorkingDaysBetween"/>): positive left, 0 due today,
/// negative overdue; null for a long-term or settled item or one without a deadline.
/// </param>
/// <param name="RoundName">The round's short name (简称, 2024年三巡) that <see cref="RoundTag"/> starts with.</param>
/// <param name="Warning">预警 today (<see cref="DeadlineWarnings"/>), 黄 by the office's due-soon working days.</param>
/// <param name="RemindersSent">催办次数: reminder events sent about the item, however many people each reached.</param>
public sealed record ItemListDto(
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
    string StatusText,
    Guid? LeadDepartmentId,
    string? LeadDepartmentName,
    Guid? ResponsibleLeaderId,
    string? ResponsibleLeaderName,
    Guid? ResponsiblePersonId,
    string? ResponsiblePersonName,
    DateOnly? DueDate,
    bool IsLongTerm,
    bool IsOverdue,
    WarningLevel Warning,
    int? WorkingDaysLeft,
    int MeasureCount,
    int MeasuresDone,
    bool AwaitingAcknowledgement,
    int ExtensionsApproved,
    DateOnly? OriginalDueDate,
    int DeadlineAdjustments,
    bool ClosedLate,
    int RemindersSent,
    DateTime UpdatedAt)
{
    /// <summary>2024年三巡·第11项: the round's short name and the item's number, apart from other rounds' items.</summary>
    public string RoundTag => Ledger.Domain.Rounds.RoundTag.Of(RoundName, Kind, Number);

    /// <summary>还剩3个工作日, 今天到期 or 已超期5个工作日; null when <see cref="WorkingDaysLeft"/> is.</summary>
    public string? DeadlineText => WorkingDaysLeft is { } days ? WorkingCalendar.DescribeWorkingDaysLeft(days) : null;

    /// <summary>超期, 临期 or 正常 beside the light; for 灰, why no deadline is watched: 已完成, 长期坚持 or 未定时限.</summary>
    public string WarningText => Warning switch
    {
        WarningLevel.Red => "超期",
        WarningLevel.Yellow => "临期",
        WarningLevel.Green => "正常",
        _ when Status >= ItemLifecycle.FirstSettled => "已完成",
        _ when IsLongTerm => "长期坚持",
        _ => "未定时限",
    };

    /// <summary>未签收: an open item assigned to a lead department that has not acknowledged it yet.</summary>
    public string? AcknowledgementText => AwaitingAcknowledgement ? "未签收" : null;

    /// <summary>（原定2025年1月16日，调整2次） once the deadline has moved; null while it never has.</summary>
    public string? AdjustmentText => DeadlineAdjustments == 0
        ? null
        : $"（{(OriginalDueDate is { } original ? $"原定{Ledger.Domain.Common.ChinaCalendar.Format(original)}，" : string.Empty)}调整{DeadlineAdjustments}次）";

    /// <summary>逾期销号 for a close-out after the deadline, apart from an on-time 已销号.</summary>
    public string? ClosedLateText => ClosedLate ? "逾期销号" : null;
}

public sealed record NamedRef(Guid Id, string Name);

public sealed record MeasureDto(
    Guid Id,
    int Sequence,
    string Text,
    Guid? LeadDepartmentId,
    string? LeadDepartmentName,
    DateOnly? DueDate,
    DateOnly? CompletedOn,
    string? CompletedBy,
    bool EvidenceRequired);

public sealed record ProgressReportDto(
    Guid Id, DateOnly ReportDate, string Progress, string? NextSteps, string? Problems, string ReportedBy, DateTime RecordedAt);

/// <param name="SubmittedAt">When a close-out request relied on it; from then on it cannot be withdrawn.</param>
public sealed record EvidenceDto(
    Guid Id,
    Guid? MeasureId,
    string FileName,
    string ContentType,
    string Sha256,
    long SizeBytes,
    string? Note,
    DateOnly EffectiveDate,
    string UploadedBy,
    DateTime UploadedAt,
    DateTime? SubmittedAt,
    DateTime? WithdrawnAt,
    string? WithdrawnBy,
    string? WithdrawalReason);

public sealed record ExtensionDto(
    Guid Id,
    DateOnly PreviousDate,
    DateOnly RequestedDate,
    string Reason,
    string RequestedBy,
    DateTime RequestedAt,
    ExtensionDecision Decision,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? DecisionReason);

public sealed record HistoryEntryDto(DateTime At, string Actor, ItemChange Change, string Summary, string? From, string? To, string? Reason);

public sealed record ItemDetailDto(
    ItemListDto Item,
    string Description,
    IReadOnlyList<NamedRef> CoDepartments,
    string? CloseOutSummary,
    DateTime? CloseOutReviewedAt,
    string? CloseOutReviewedBy,
    DateTime? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTime? ClosedOutAt,
    IReadOnlyList<ExtensionDto> Extensions,
    IReadOnlyList<ItemAction> AvailableActions,
    IReadOnlyList<MeasureDto> Measures,
    IReadOnlyList<ProgressReportDto> ProgressReports,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<HistoryEntryDto> History,
    IReadOnlyList<InstructionDto> Instructions,
    IReadOnlyList<SupervisionNoticeRef> SupervisionNotices);

/// <summary>A 督办通知 naming the item, newest first, with where its 督办单 is downloaded.</summary>
public sealed record SupervisionNoticeRef(Guid Id, string NumberText, DateOnly ReplyBy, DateTime IssuedAt, string Docx);

/// <summary>领导批示, newest first; <see cref="ReadAt"/> null while the lead department has not marked it 已阅.</summary>
public sealed record InstructionDto(Guid Id, string Text, string GivenBy, DateTime GivenAt, DateTime? ReadAt, string? ReadBy);
