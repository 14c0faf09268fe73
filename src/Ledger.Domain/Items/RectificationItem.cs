using Ledger.Domain.Common;
using Ledger.Domain.Items.Rules;

namespace Ledger.Domain.Items;

/// <summary>
/// 反馈问题: the tracked unit of the ledger. Owned, assigned, reported on and closed out (销号).
/// Every change goes through a method here that checks the rules and writes the item's history.
/// </summary>
public sealed class RectificationItem : AggregateRoot
{
    private readonly List<Measure> _measures = [];
    private readonly List<ProgressReport> _progressReports = [];
    private readonly List<ItemHistoryEntry> _history = [];
    private readonly List<Evidence> _evidence = [];
    private readonly List<ItemCoDepartment> _coDepartments = [];
    private readonly List<DeadlineExtension> _extensions = [];
    private readonly List<LeaderInstruction> _instructions = [];

    private RectificationItem()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    public Guid RoundId { get; private init; }

    public Guid AspectId { get; private set; }

    public ItemKind Kind { get; private init; }

    /// <summary>The number the feedback gives the problem; unique per round and kind.</summary>
    public int Number { get; private init; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public ItemStatus Status { get; private set; }

    public Guid? ResponsibleLeaderId { get; private set; }

    public Guid? LeadDepartmentId { get; private set; }

    public Guid? ResponsiblePersonId { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public bool IsLongTerm { get; private set; }

    public Deadline Deadline => Deadline.From(DueDate, IsLongTerm);

    /// <summary>
    /// The deadline as one sortable date that is never null (<see cref="DeadlineWarnings.KeyOf"/>): what the ledger sorts
    /// by and its overdue and due-soon rules read, so an index on it serves both.
    /// </summary>
    public DateOnly DeadlineKey { get; private set; } = DeadlineWarnings.Unwatched;

    public string? CloseOutSummary { get; private set; }

    /// <summary>Set when the office's review (审核) of the pending close-out request passed.</summary>
    public DateTime? CloseOutReviewedAt { get; private set; }

    public string? CloseOutReviewedBy { get; private set; }

    /// <summary>签收: when the lead department acknowledged the assignment; until then the item is 未签收.</summary>
    public DateTime? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    /// <summary>How many times a leader approved a later deadline.</summary>
    public int ExtensionsApproved { get; private set; }

    /// <summary>原定时限: the dated deadline in force before it was first moved; null while it never moved from a date.</summary>
    public DateOnly? OriginalDueDate { get; private set; }

    /// <summary>调整N次: how many times a set deadline moved, by an approved 延期 or by the office's 责任分工.</summary>
    public int DeadlineAdjustments { get; private set; }

    /// <summary>When the item was last closed out (已销号); cleared when 回头看 reopens it.</summary>
    public DateTime? ClosedOutAt { get; private set; }

    /// <summary>逾期销号: the close-out came after the deadline, which the on-time rate must not count as on time.</summary>
    public bool ClosedLate { get; private set; }

    public IReadOnlyList<Measure> Measures => _measures;

    public IReadOnlyList<ProgressReport> ProgressReports => _progressReports;

    public IReadOnlyList<ItemHistoryEntry> History => _history;

    public IReadOnlyList<Evidence> Evidence => _evidence;

    public IReadOnlyList<ItemCoDepartment> CoDepartments => _coDepartments;

    public IReadOnlyList<DeadlineExtension> Extensions => _extensions;

    public IReadOnlyList<LeaderInstruction> Instructions => _instructions;

    public DeadlineExtension? PendingExtension => _extensions.Find(e => e.Decision == ExtensionDecision.Pending);

    /// <summary>
    /// The largest number the office gives an item: a round has tens of problems, and the next number must stay an
    /// <see cref="int"/>. Checked where a number is asked for (CreateItem); the importers keep their documents' numbers.
    /// </summary>
    public const int MaxNumber = 9999;

    public static RectificationItem Create(
        Guid roundId, Guid aspectId, ItemKind kind, int number, string title, string? description, ChangeStamp stamp)
    {
        var item = new RectificationItem
        {
            RoundId = roundId,
            AspectId = aspectId,
            Kind = kind,
            Number = number,
            Title = Text.RequiredLine(title, "Title"),
            Description = Text.Clean(description) ?? string.Empty,
            Status = ItemStatus.NotStarted,
        };
        item.MarkCreated(stamp);
        item.Record(ItemChange.Created, $"登记事项 {number}", null, ItemStatus.NotStarted.ToChinese(), null, stamp);
        return item;
    }

    public bool IsOverdueOn(DateOnly today) => DeadlineWarnings.IsOverdue(Status, Deadline, today);

    public void Edit(Guid aspectId, string title, string? description, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ChangeWork, Status));
        var before = $"{Title}|{Description}";
        AspectId = aspectId;
        Title = Text.RequiredLine(title, "Title");
        Description = Text.Clean(description) ?? string.Empty;
        Record(ItemChange.Edited, "修改问题内容", before, $"{Title}|{Description}", null, stamp);
    }

    /// <summary>
    /// Sets who answers for the item and by when. Moving a deadline already set needs a reason and counts as an
    /// adjustment, as an approved 延期 does; assigning what is already assigned changes nothing, not even the version.
    /// </summary>
    public void Assign(Assignment assignment, Deadline deadline, string? reason, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ChangeWork, Status));
        var coIds = assignment.CoDepartments.Select(d => d.Id).Distinct().ToList();
        CheckRule(new LeadDepartmentIsNotCoDepartment(assignment.LeadDepartment?.Id, coIds));

        var before = DescribeAssignmentIds();
        if (assignment.LeadDepartment?.Id != LeadDepartmentId)
        {
            // A new lead department has not acknowledged anything yet.
            AcknowledgedAt = null;
            AcknowledgedBy = null;
        }

        ResponsibleLeaderId = assignment.ResponsibleLeader?.Id;
        LeadDepartmentId = assignment.LeadDepartment?.Id;
        ResponsiblePersonId = assignment.ResponsiblePerson?.Id;
        _coDepartments.RemoveAll(c => !coIds.Contains(c.DepartmentId));
        foreach (var id in coIds.Where(id => _coDepartments.TrueForAll(c => c.DepartmentId != id)))
        {
            _coDepartments.Add(new ItemCoDepartment(Id, id));
        }

        if (before != DescribeAssignmentIds())
        {
            Record(ItemChange.Assigned, "调整责任分工", null, assignment.Describe(), null, stamp);
        }

        if (deadline != Deadline)
        {
            SetDeadline(deadline, MovesDeadline(deadline) ? $"调整整改时限（第{DeadlineAdjustments + 1}次）" : "设定整改时限", reason, stamp);
        }
    }

    /// <summary>Whether <paramref name="deadline"/> would move one already set (and so needs a reason), rather than set the first.</summary>
    public bool MovesDeadline(Deadline deadline) => Deadline.IsMovedBy(deadline);

    public Measure AddMeasure(string text, Guid? leadDepartmentId, DateOnly? dueDate, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ChangeWork, Status));
        var measure = new Measure(Id, _measures.Count + 1, text, leadDepartmentId, dueDate);
        _measures.Add(measure);
        Record(ItemChange.MeasureAdded, $"新增整改措施 {measure.Sequence}", null, measure.Text, null, stamp);
        return measure;
    }

    /// <summary>The office's evidence checklist: whether this measure needs its own evidence before 销号.</summary>
    public void RequireMeasureEvidence(Guid measureId, bool required, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ChangeWork, Status));
        CheckRule(new MeasureBelongsToItem(measureId, _measures));
        var measure = _measures.Single(m => m.Id == measureId);
        if (measure.EvidenceRequired == required)
        {
            return;
        }

        measure.RequireEvidence(required);
        Record(
            ItemChange.EvidenceChecklistChanged,
            $"整改措施 {measure.Sequence} {(required ? "须" : "无须")}单独提交佐证材料",
            (!required).ToString(),
            required.ToString(),
            null,
            stamp);
    }

    public void CompleteMeasure(Guid measureId, DateOnly completedOn, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ChangeWork, Status));
        CheckRule(new MeasureBelongsToItem(measureId, _measures));
        var measure = _measures.Single(m => m.Id == measureId);
        CheckRule(new MeasureIsCompletedOnce(measure.IsDone));
        measure.Complete(completedOn, stamp);
        Record(ItemChange.MeasureCompleted, $"整改措施 {measure.Sequence} 完成", null, ChinaCalendar.Format(completedOn), null, stamp);
    }

    public ProgressReport ReportProgress(DateOnly reportDate, string progress, string? nextSteps, string? problems, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ReportProgress, Status));
        var report = new ProgressReport(Id, reportDate, progress, nextSteps, problems, stamp);
        _progressReports.Add(report);
        Record(ItemChange.ProgressReported, $"报送{ChinaCalendar.Format(reportDate)}进展情况", null, report.Progress, null, stamp);
        return report;
    }

    public Evidence AttachEvidence(EvidenceFile file, Guid? measureId, string? note, DateOnly effectiveDate, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ChangeWork, Status));
        CheckRule(new MeasureBelongsToItem(measureId, _measures));
        var evidence = new Evidence(Id, measureId, file, note, effectiveDate, stamp);
        _evidence.Add(evidence);
        Record(ItemChange.EvidenceAttached, "提交佐证材料", null, $"{evidence.FileName} (SHA-256 {evidence.Sha256})", evidence.Note, stamp);
        return evidence;
    }

    /// <summary>Takes back evidence not yet relied on by a close-out request; the record and the file stay.</summary>
    public void WithdrawEvidence(Guid evidenceId, string reason, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.WithdrawEvidence, Status));
        CheckRule(new ReasonIsRequired(reason, ItemAction.WithdrawEvidence.ToChinese()));
        CheckRule(new EvidenceBelongsToItem(evidenceId, _evidence));
        var evidence = _evidence.First(e => e.Id == evidenceId);
        CheckRule(new EvidenceIsWithdrawableOnlyBeforeCloseOut(evidence));
        evidence.Withdraw(reason, stamp);
        Record(ItemChange.EvidenceWithdrawn, "撤回佐证材料", $"{evidence.FileName} (SHA-256 {evidence.Sha256})", null, evidence.WithdrawalReason, stamp);
    }

    /// <summary>签收: the lead department takes the item on.</summary>
    public void Acknowledge(ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.Acknowledge, Status));
        CheckRule(new AcknowledgeNeedsLeadDepartment(LeadDepartmentId));
        CheckRule(new ItemIsAcknowledgedOnce(AcknowledgedAt is not null));
        AcknowledgedAt = stamp.At;
        AcknowledgedBy = stamp.Actor;
        Record(ItemChange.Acknowledged, "牵头部门签收", null, null, null, stamp);
    }

    /// <summary>催办 by hand, with the words sent: recorded in the history, where 办理记录 shows who chased and when.</summary>
    public void Chase(string message, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.Chase, Status));
        Record(ItemChange.Chased, "催办", null, null, Text.Required(message, nameof(message)), stamp);
    }

    /// <summary>督办通知: the item is named in a numbered 督办单 whose written reply is due by <paramref name="replyBy"/>.</summary>
    public void Supervise(string noticeNumber, DateOnly replyBy, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.Supervise, Status));
        Record(ItemChange.Supervised, $"督办通知{noticeNumber}", null, $"{ChinaCalendar.Format(replyBy)}前书面报送整改落实情况", null, stamp);
    }

    /// <summary>领导批示: kept on the item, unread by the lead department until <see cref="ReadInstructions"/>.</summary>
    public LeaderInstruction Instruct(string text, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.Instruct, Status));
        var instruction = new LeaderInstruction(Id, text, stamp);
        _instructions.Add(instruction);
        Record(ItemChange.Instructed, "领导批示", null, instruction.Text, null, stamp);
        return instruction;
    }

    /// <summary>已阅: the lead department has read every 批示 given so far.</summary>
    public void ReadInstructions(ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ReadInstructions, Status));
        CheckRule(new InstructionsMustBeUnread(_instructions.Exists(i => i.ReadAt is null)));
        foreach (var instruction in _instructions.Where(i => i.ReadAt is null))
        {
            instruction.Read(stamp);
        }

        Record(ItemChange.InstructionsRead, "批示已阅", null, null, null, stamp);
    }

    /// <summary>延期申请: a later date with a reason, one at a time, within the office's maximum of approved extensions.</summary>
    public DeadlineExtension RequestExtension(DateOnly requestedDate, string reason, int maximumApproved, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.RequestExtension, Status));
        CheckRule(new ReasonIsRequired(reason, ItemAction.RequestExtension.ToChinese()));
        CheckRule(new ExtensionNeedsDeadline(Deadline));
        CheckRule(new ExtensionMovesDeadlineLater(DueDate, requestedDate));
        CheckRule(new ExtensionIsRequestedOnceAtATime(PendingExtension is not null));
        CheckRule(new ExtensionsAreLimited(ExtensionsApproved, maximumApproved));
        var extension = new DeadlineExtension(Id, DueDate!.Value, requestedDate, reason, stamp);
        _extensions.Add(extension);
        Record(
            ItemChange.ExtensionRequested,
            "申请延期",
            ChinaCalendar.Format(extension.PreviousDate),
            ChinaCalendar.Format(requestedDate),
            extension.Reason,
            stamp);
        return extension;
    }

    /// <summary>A leader's decision on the pending extension; approval moves the deadline, the old date stays in history.</summary>
    public void DecideExtension(bool approve, string? reason, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.DecideExtension, Status));
        var pending = PendingExtension;
        CheckRule(new ExtensionIsPending(pending is not null));
        if (!approve)
        {
            CheckRule(new ReasonIsRequired(reason, "驳回延期申请"));
        }

        pending!.Decide(approve, reason, stamp);
        Record(ItemChange.ExtensionDecided, approve ? "批准延期申请" : "驳回延期申请", null, ChinaCalendar.Format(pending.RequestedDate), pending.DecisionReason, stamp);
        if (approve)
        {
            ExtensionsApproved++;
            SetDeadline(Deadline.On(pending.RequestedDate), $"延期（第{ExtensionsApproved}次）", pending.DecisionReason ?? pending.Reason, stamp);
        }
    }

    /// <summary>未启动 → 整改中.</summary>
    public void Start(ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.Start, Status));
        MoveTo(ItemStatus.InProgress, null, stamp);
    }

    /// <summary>整改中 → 阶段性完成: short-term work done, long-term measures continue (the reason says which).</summary>
    public void MarkPartiallyDone(string reason, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.MarkPartiallyDone, Status));
        CheckRule(new ReasonIsRequired(reason, ItemAction.MarkPartiallyDone.ToChinese()));
        MoveTo(ItemStatus.PartiallyDone, reason, stamp);
    }

    /// <summary>→ 已完成, only when every measure is done.</summary>
    public void MarkCompleted(ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.MarkCompleted, Status));
        CheckRule(new CompletionNeedsAllMeasuresDone(_measures.Count(m => !m.IsDone)));
        MoveTo(ItemStatus.Completed, null, stamp);
    }

    /// <summary>阶段性完成 or 已完成 → 整改中: the work is not finished after all.</summary>
    public void Resume(string reason, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.Resume, Status));
        CheckRule(new ReasonIsRequired(reason, ItemAction.Resume.ToChinese()));
        MoveTo(ItemStatus.InProgress, reason, stamp);
    }

    /// <summary>销号申请: only from 已完成, with evidence and a summary of what was done.</summary>
    public void RequestCloseOut(string summary, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.RequestCloseOut, Status));
        CheckRule(new SummaryIsRequired(summary));
        var current = _evidence.Where(e => !e.IsWithdrawn).ToList();
        CheckRule(new CloseOutNeedsEvidence(current.Count));
        CheckRule(new CloseOutNeedsMeasureEvidence(_measures
            .Where(m => m.EvidenceRequired && current.TrueForAll(e => e.MeasureId != m.Id))
            .Select(m => m.Sequence)
            .ToList()));
        current.ForEach(e => e.MarkSubmitted(stamp.At));
        CloseOutSummary = summary.Trim();
        CloseOutReviewedAt = null;
        CloseOutReviewedBy = null;
        MoveTo(ItemStatus.CloseOutRequested, CloseOutSummary, stamp);
    }

    /// <summary>审核 by the office: pass (the request goes on to a leader) or return with a reason (→ 整改中).</summary>
    public void ReviewCloseOut(bool pass, string? reason, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.ReviewCloseOut, Status));
        CheckRule(new CloseOutIsReviewedOnce(CloseOutReviewedAt is not null));
        if (!pass)
        {
            CheckRule(new ReasonIsRequired(reason, "退回销号申请"));
            MoveTo(ItemStatus.InProgress, reason, stamp);
            return;
        }

        CloseOutReviewedAt = stamp.At;
        CloseOutReviewedBy = stamp.Actor;
        Record(ItemChange.CloseOutReviewed, "销号申请审核通过", null, null, Text.Clean(reason), stamp);
        Touch(stamp);
    }

    /// <summary>审批 by a leader after the office's review: approve (→ 已销号) or reject with a reason (→ 整改中).</summary>
    public void DecideCloseOut(bool approve, string? reason, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.DecideCloseOut, Status));
        CheckRule(new CloseOutNeedsReview(CloseOutReviewedAt is not null));
        if (!approve)
        {
            CheckRule(new ReasonIsRequired(reason, "驳回销号申请"));
        }

        if (approve)
        {
            ClosedOutAt = stamp.At;
            ClosedLate = ItemLifecycle.IsClosedLate(Deadline, ChinaCalendar.ToChinaDate(stamp.At));
        }

        MoveTo(approve ? ItemStatus.ClosedOut : ItemStatus.InProgress, reason, stamp);
    }

    /// <summary>回头看: the office reopens a closed-out item that relapsed.</summary>
    public void Reopen(string reason, ChangeStamp stamp)
    {
        CheckRule(new ActionMustBeAllowed(ItemAction.Reopen, Status));
        CheckRule(new ReasonIsRequired(reason, ItemAction.Reopen.ToChinese()));
        ClosedOutAt = null;
        ClosedLate = false;
        MoveTo(ItemStatus.InProgress, reason, stamp);
    }

    /// <summary>
    /// The one way a deadline changes. Moving one already set keeps the first date as 原定时限 and counts the move, so
    /// 延期 and 责任分工 count alike, and the overdue figures can tell an item that left 超期 only because its date moved.
    /// </summary>
    private void SetDeadline(Deadline deadline, string summary, string? reason, ChangeStamp stamp)
    {
        var previous = Deadline;
        if (MovesDeadline(deadline))
        {
            CheckRule(new ReasonIsRequired(reason, "调整整改时限"));
            if (DeadlineAdjustments == 0)
            {
                OriginalDueDate = previous.Date;
            }

            DeadlineAdjustments++;
        }

        DueDate = deadline.Date;
        IsLongTerm = deadline.IsLongTerm;
        DeadlineKey = DeadlineWarnings.KeyOf(deadline);
        var change = previous == Deadline.None ? $"{summary}：{deadline}" : $"{summary}：{previous} → {deadline}";
        Record(ItemChange.DeadlineChanged, change, previous.ToString(), deadline.ToString(), Text.Clean(reason), stamp);
    }

    private void MoveTo(ItemStatus to, string? reason, ChangeStamp stamp)
    {
        var from = Status;
        Status = to;
        if (to != ItemStatus.CloseOutRequested && to != ItemStatus.ClosedOut)
        {
            CloseOutReviewedAt = null;
            CloseOutReviewedBy = null;
        }

        Record(ItemChange.StatusChanged, $"{from.ToChinese()} → {to.ToChinese()}", from.ToString(), to.ToString(), Text.Clean(reason), stamp);
    }

    private void Record(ItemChange change, string summary, string? from, string? to, string? reason, ChangeStamp stamp)
    {
        _history.Add(new ItemHistoryEntry(Id, change, summary, from, to, reason, stamp));
        Touch(stamp);
    }

    private string DescribeAssignmentIds() =>
        $"{ResponsibleLeaderId}|{LeadDepartmentId}|{ResponsiblePersonId}|{string.Join(',', _coDepartments.Select(c => c.DepartmentId).Order())}";
}
