using System.Security.Claims;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Domain.Items;
using MediatR;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Ledger.Web.Ui;

/// <summary>The fields a step's form asks for; a form may combine several.</summary>
/// <remarks>Public, as are the form and its model, because a component's parameters must be.</remarks>
[Flags]
public enum StepFields
{
    None = 0,

    /// <summary>本期进展, 下一步, 存在问题 and the report's date.</summary>
    Progress = 1 << 0,

    /// <summary>A reason the command requires.</summary>
    Reason = 1 << 1,

    /// <summary>Agree or refuse; a refusal needs a reason.</summary>
    Decision = 1 << 2,

    /// <summary>What was done, for the close-out request.</summary>
    Summary = 1 << 3,

    /// <summary>The later deadline an extension asks for.</summary>
    NewDueDate = 1 << 4,

    /// <summary>A file with its measure, note and date.</summary>
    File = 1 << 5,

    /// <summary>One of the item's measures.</summary>
    Measure = 1 << 6,

    /// <summary>One piece of evidence that can still be withdrawn.</summary>
    Evidence = 1 << 7,

    /// <summary>When a measure was done.</summary>
    CompletedOn = 1 << 8,

    /// <summary>A new measure's text and due date.</summary>
    NewMeasure = 1 << 9,

    /// <summary>Whether a measure needs its own evidence.</summary>
    EvidenceRequired = 1 << 10,

    /// <summary>The problem's aspect, title and description.</summary>
    Problem = 1 << 11,

    /// <summary>责任领导, 牵头部门, 配合部门, 责任人 and 整改时限.</summary>
    Assignment = 1 << 12,

    /// <summary>The words of a 催办.</summary>
    Message = 1 << 13,

    /// <summary>The words of a 领导批示.</summary>
    Instruction = 1 << 14,

    /// <summary>A 督办通知's reply date and the office's requirement.</summary>
    Supervision = 1 << 15,

    /// <summary>签收 that starts the work too (未启动 → 整改中), ticked unless the user unticks it.</summary>
    StartWork = 1 << 16,
}

/// <summary>
/// One button of the item page: the step the server names in <see cref="ItemDetailDto.AvailableActions"/>, the request it
/// sends, and what its form asks. <see cref="ItemAction.ChangeWork"/> covers several requests (evidence, measures), each
/// its own button.
/// </summary>
/// <param name="Key">Stable name for tests and the page's markup.</param>
/// <param name="Decision">The words for agreeing and refusing, when the step is a decision.</param>
/// <param name="Applies">Whether the item has what the form chooses from (an open measure, withdrawable evidence).</param>
public sealed record ItemStepForm(
    string Key,
    ItemAction Action,
    Type Command,
    string Label,
    string Icon,
    StepFields Fields,
    Func<Guid, Guid, ItemStepModel, IRequest<ItemState>> Build,
    (string Agree, string Refuse)? Decision = null,
    Func<ItemDetailDto, bool>? Applies = null)
{
    /// <summary>Steps that change the item's status or settle a request stand out from routine work.</summary>
    public bool Primary => Action is ItemAction.RequestCloseOut or ItemAction.ReviewCloseOut or ItemAction.DecideCloseOut or ItemAction.DecideExtension
        or ItemAction.MarkCompleted or ItemAction.Start or ItemAction.Acknowledge or ItemAction.ReadInstructions;

    public bool Asks(StepFields fields) => (Fields & fields) != 0;
}

/// <summary>Every step the item page offers, in the order a department meets them, and which of them a user gets now.</summary>
internal static class ItemStepForms
{
    public static readonly IReadOnlyList<ItemStepForm> All =
    [
        new("acknowledge", ItemAction.Acknowledge, typeof(AcknowledgeItemCommand), ItemAction.Acknowledge.ToChinese(), Icons.Material.Filled.AssignmentTurnedIn,
            StepFields.StartWork, (id, version, m) => new AcknowledgeItemCommand(id, version, m.StartWork)),
        new("start", ItemAction.Start, typeof(StartItemCommand), ItemAction.Start.ToChinese(), Icons.Material.Filled.PlayArrow,
            StepFields.None, (id, version, _) => new StartItemCommand(id, version)),
        new("report-progress", ItemAction.ReportProgress, typeof(ReportProgressCommand), ItemAction.ReportProgress.ToChinese(), Icons.Material.Filled.EditNote,
            StepFields.Progress, (id, _, m) => new ReportProgressCommand(id, m.Progress, Blank(m.NextSteps), Blank(m.Problems), DateText.Picked(m.ReportDate))),
        new("attach-evidence", ItemAction.ChangeWork, typeof(AttachEvidenceCommand), "上传佐证材料", Icons.Material.Filled.UploadFile,
            StepFields.File, (id, version, m) => new AttachEvidenceCommand(id, version, m.File?.Name ?? string.Empty, m.Content, m.MeasureId, Blank(m.Note), DateText.Picked(m.EffectiveDate))),
        new("complete-measure", ItemAction.ChangeWork, typeof(CompleteMeasureCommand), "整改措施完成", Icons.Material.Filled.TaskAlt,
            StepFields.Measure | StepFields.CompletedOn, (id, version, m) => new CompleteMeasureCommand(id, m.MeasureId ?? Guid.Empty, version, DateText.Picked(m.CompletedOn)),
            Applies: item => item.Measures.Any(x => x.CompletedOn is null)),
        new("add-measure", ItemAction.ChangeWork, typeof(AddMeasureCommand), "新增整改措施", Icons.Material.Filled.PlaylistAdd,
            StepFields.NewMeasure, (id, version, m) => new AddMeasureCommand(id, version, m.Text, m.MeasureDepartmentId, DateText.Picked(m.DueDate))),
        new("require-evidence", ItemAction.ChangeWork, typeof(RequireMeasureEvidenceCommand), "佐证清单", Icons.Material.Filled.Checklist,
            StepFields.Measure | StepFields.EvidenceRequired, (id, version, m) => new RequireMeasureEvidenceCommand(id, m.MeasureId ?? Guid.Empty, version, m.Required),
            Applies: item => item.Measures.Count > 0),
        new("assign", ItemAction.ChangeWork, typeof(AssignItemCommand), "责任分工", Icons.Material.Filled.ManageAccounts,
            StepFields.Assignment, (id, version, m) => new AssignItemCommand(
                id, version, m.ResponsibleLeaderId, m.LeadDepartmentId, [.. m.CoDepartmentIds], m.ResponsiblePersonId, m.IsLongTerm ? null : DateText.Picked(m.DueDate), m.IsLongTerm, Blank(m.Reason))),
        new("edit", ItemAction.ChangeWork, typeof(EditItemCommand), "修改问题", Icons.Material.Filled.Edit,
            StepFields.Problem, (id, version, m) => new EditItemCommand(id, version, m.AspectId ?? Guid.Empty, m.Title, Blank(m.Description))),
        new("partially-done", ItemAction.MarkPartiallyDone, typeof(MarkItemPartiallyDoneCommand), ItemAction.MarkPartiallyDone.ToChinese(), Icons.Material.Filled.Timelapse,
            StepFields.Reason, (id, version, m) => new MarkItemPartiallyDoneCommand(id, version, m.Reason)),
        new("completed", ItemAction.MarkCompleted, typeof(MarkItemCompletedCommand), ItemAction.MarkCompleted.ToChinese(), Icons.Material.Filled.DoneAll,
            StepFields.None, (id, version, _) => new MarkItemCompletedCommand(id, version)),
        new("request-close-out", ItemAction.RequestCloseOut, typeof(RequestCloseOutCommand), ItemAction.RequestCloseOut.ToChinese(), Icons.Material.Filled.Send,
            StepFields.Summary, (id, version, m) => new RequestCloseOutCommand(id, version, m.Summary)),
        new("review-close-out", ItemAction.ReviewCloseOut, typeof(ReviewCloseOutCommand), ItemAction.ReviewCloseOut.ToChinese(), Icons.Material.Filled.FactCheck,
            StepFields.Decision, (id, version, m) => new ReviewCloseOutCommand(id, version, m.Approve == true, Blank(m.Reason)), Decision: ("通过", "退回")),
        new("decide-close-out", ItemAction.DecideCloseOut, typeof(DecideCloseOutCommand), ItemAction.DecideCloseOut.ToChinese(), Icons.Material.Filled.Gavel,
            StepFields.Decision, (id, version, m) => new DecideCloseOutCommand(id, version, m.Approve == true, Blank(m.Reason)), Decision: ("批准销号", "驳回")),
        new("request-extension", ItemAction.RequestExtension, typeof(RequestExtensionCommand), ItemAction.RequestExtension.ToChinese(), Icons.Material.Filled.EventRepeat,
            StepFields.NewDueDate | StepFields.Reason, (id, version, m) => new RequestExtensionCommand(id, version, DateText.Picked(m.NewDueDate) ?? default, m.Reason)),
        new("decide-extension", ItemAction.DecideExtension, typeof(DecideExtensionCommand), ItemAction.DecideExtension.ToChinese(), Icons.Material.Filled.Gavel,
            StepFields.Decision, (id, version, m) => new DecideExtensionCommand(id, version, m.Approve == true, Blank(m.Reason)), Decision: ("批准延期", "驳回")),
        new("withdraw-evidence", ItemAction.WithdrawEvidence, typeof(WithdrawEvidenceCommand), ItemAction.WithdrawEvidence.ToChinese(), Icons.Material.Filled.Undo,
            StepFields.Evidence | StepFields.Reason, (id, version, m) => new WithdrawEvidenceCommand(id, m.EvidenceId ?? Guid.Empty, version, m.Reason)),
        new("resume", ItemAction.Resume, typeof(ResumeItemCommand), ItemAction.Resume.ToChinese(), Icons.Material.Filled.Replay,
            StepFields.Reason, (id, version, m) => new ResumeItemCommand(id, version, m.Reason)),
        new("reopen", ItemAction.Reopen, typeof(ReopenItemCommand), ItemAction.Reopen.ToChinese(), Icons.Material.Filled.LockOpen,
            StepFields.Reason, (id, version, m) => new ReopenItemCommand(id, version, m.Reason)),
        new("read-instructions", ItemAction.ReadInstructions, typeof(ReadInstructionsCommand), ItemAction.ReadInstructions.ToChinese(), Icons.Material.Filled.MarkEmailRead,
            StepFields.None, (id, version, _) => new ReadInstructionsCommand(id, version)),
        new("chase", ItemAction.Chase, typeof(ChaseItemCommand), ItemAction.Chase.ToChinese(), Icons.Material.Filled.NotificationsActive,
            StepFields.Message, (id, version, m) => new ChaseItemCommand(id, version, m.Message)),
        new("supervise", ItemAction.Supervise, typeof(SuperviseItemCommand), ItemAction.Supervise.ToChinese(), Icons.Material.Filled.Campaign,
            StepFields.Supervision, (id, version, m) => new SuperviseItemCommand(id, version, DateText.Picked(m.ReplyBy) ?? default, Blank(m.Requirement))),
        new("instruct", ItemAction.Instruct, typeof(InstructItemCommand), ItemAction.Instruct.ToChinese(), Icons.Material.Filled.RateReview,
            StepFields.Instruction, (id, version, m) => new InstructItemCommand(id, version, m.Text)),
    ];

    /// <summary>
    /// The forms for the steps the server says this user may take on the item now, and only those whose request the
    /// user's role sends: <see cref="ItemAction.ChangeWork"/> alone does not say whether that is a department's evidence
    /// or the office's checklist.
    /// </summary>
    /// <remarks>An item no department has been given yet waits for 责任分工 before anything else, so that button comes first.</remarks>
    public static IReadOnlyList<ItemStepForm> Offered(ItemDetailDto item, ClaimsPrincipal user) =>
        All.Where(f => item.AvailableActions.Contains(f.Action) && user.May(f.Command) && (f.Applies?.Invoke(item) ?? true))
            .OrderBy(f => item.Item.LeadDepartmentId is null && f.Command == typeof(AssignItemCommand) ? 0 : 1)
            .ToList();

    /// <summary>
    /// 责任人 choices: the active staff of the chosen lead department (everyone's staff while none is chosen); leaders
    /// answer as 责任领导, not here. The current choice stays listed so the form shows it.
    /// </summary>
    public static IEnumerable<PersonDto> ResponsiblePeople(IEnumerable<PersonDto> people, Guid? leadDepartmentId, Guid? current) =>
        people.Where(p => p.Id == current || (p.IsActive && !p.IsLeader && (leadDepartmentId is null || p.DepartmentId == leadDepartmentId)));

    /// <summary>A person as a choice shows them: 周敏（办公室）, a leader by name alone; nothing for none.</summary>
    public static string PersonName(IEnumerable<PersonDto> people, Guid? id) =>
        people.FirstOrDefault(p => p.Id == id) is { } person
            ? person.DepartmentName is { } department && !person.IsLeader ? $"{person.Name}（{department}）" : person.Name
            : string.Empty;

    /// <summary>The deadline a form's date and 长期坚持 box give.</summary>
    public static Deadline DeadlineOf(DateTime? dueDate, bool isLongTerm) => Deadline.From(isLongTerm ? null : DateText.Picked(dueDate), isLongTerm);

    /// <summary>
    /// The item changed since the page read it (409 without a rule's code; a broken rule is a 409 with one): the page
    /// loads it again and the form keeps what the user typed.
    /// </summary>
    public static bool IsStale<T>(UiOutcome<T> outcome) =>
        outcome.Problem is { Status: StatusCodes.Status409Conflict } problem && !problem.Extensions.ContainsKey("code");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

}

/// <summary>
/// What a step's form holds while it is open; property names are the requests' own, so the server's field errors land
/// under their fields. Kept across a conflict: the page loads the item again and the user's words stay.
/// </summary>
public sealed class ItemStepModel
{
    /// <summary>A form starts from the item as shown: editing the problem or the assignment changes what is there.</summary>
    public static ItemStepModel For(ItemDetailDto detail)
    {
        var item = detail.Item;
        return new ItemStepModel
        {
            AspectId = item.AspectId,
            Title = item.Title,
            Description = detail.Description,
            ResponsibleLeaderId = item.ResponsibleLeaderId,
            LeadDepartmentId = item.LeadDepartmentId,
            ResponsiblePersonId = item.ResponsiblePersonId,
            CoDepartmentIds = detail.CoDepartments.Select(d => d.Id).ToList(),
            DueDate = DateText.ForPicker(item.DueDate),
            IsLongTerm = item.IsLongTerm,
        };
    }

    public string Progress { get; set; } = string.Empty;

    public string? NextSteps { get; set; }

    public string? Problems { get; set; }

    public DateTime? ReportDate { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>Null until the user chooses: a decision is never taken by default.</summary>
    public bool? Approve { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public DateTime? ReplyBy { get; set; }

    public string? Requirement { get; set; }

    public DateTime? NewDueDate { get; set; }

    public IBrowserFile? File { get; set; }

    /// <summary>The chosen file's bytes while it is sent; the page opens and closes it.</summary>
    public Stream Content { get; set; } = Stream.Null;

    public Guid? MeasureId { get; set; }

    public Guid? EvidenceId { get; set; }

    public string? Note { get; set; }

    public DateTime? EffectiveDate { get; set; }

    public DateTime? CompletedOn { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTime? DueDate { get; set; }

    /// <summary>A new measure's own lead department; none means the item's.</summary>
    public Guid? MeasureDepartmentId { get; set; }

    public bool Required { get; set; }

    public Guid? AspectId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public Guid? ResponsibleLeaderId { get; set; }

    public Guid? LeadDepartmentId { get; set; }

    public IReadOnlyCollection<Guid> CoDepartmentIds { get; set; } = [];

    public Guid? ResponsiblePersonId { get; set; }

    public bool IsLongTerm { get; set; }

    /// <summary>签收 starts the work in the same step unless unticked; the server starts only an item not yet started.</summary>
    public bool StartWork { get; set; } = true;
}
