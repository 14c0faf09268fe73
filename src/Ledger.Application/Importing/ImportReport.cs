using System.Security.Cryptography;
using FluentValidation;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Application.Common.Validation;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Rounds;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Importing;

/// <summary>
/// Reads any document of the genre — a report, feedback letter or plan as text, HTML or .docx (prose or task
/// tables), an Excel 台账 of any template — and, unless <see cref="DryRun"/>, creates its round with aspects, items
/// and measures in one transaction, keeping the document. A document imported before (same SHA-256) creates nothing.
/// </summary>
/// <param name="Round">The round's facts as the office corrected them in the preview; a field left null keeps what the document says.</param>
/// <param name="Names">What the office chose in the preview for names of the document that no list holds (<see cref="ImportResult.UnknownNames"/>).</param>
[Allowed(Roles.Office)]
public sealed record ImportReportCommand(string FileName, byte[] Content, bool DryRun = false, RoundDraft? Round = null, IReadOnlyList<NameChoice>? Names = null)
    : ICommand<ImportResult>
{
    /// <summary>The largest file an import reads (a report or a ledger sheet), public so a page refuses a larger one before sending it.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public static readonly string TooLarge = $"文件超过 {MaxBytes / 1024 / 1024} MB，不能导入。";
}

/// <summary>What an import did or, for a dry run, would do.</summary>
public sealed record ImportResult(
    Guid? RoundId,
    bool AlreadyImported,
    string Sha256,
    int AspectCount,
    int ItemCount,
    int MeasureCount,
    ReportDraft Draft,
    IReadOnlyList<ParseWarning> Warnings,
    IReadOnlyList<UnknownName> UnknownNames);

internal sealed class ImportReportCommandValidator : AbstractValidator<ImportReportCommand>
{
    public ImportReportCommandValidator()
    {
        RuleFor(x => x.FileName).RequiredText(255);
        RuleFor(x => x.Content).NotEmpty().WithMessage("文件是空的。")
            .Must(c => c.Length <= ImportReportCommand.MaxBytes).WithMessage(ImportReportCommand.TooLarge);
        RuleFor(x => x.Round!.InspectingTeam).MaximumLength(CommonRules.ShortText).When(x => x.Round is not null).OverridePropertyName("round.inspectingTeam");
        RuleFor(x => x.Round!.InspectedUnit).MaximumLength(CommonRules.ShortText).When(x => x.Round is not null).OverridePropertyName("round.inspectedUnit");
        RuleFor(x => x.Names).Must(n => n!.DistinctBy(c => (c.Kind, c.Name)).Count() == n!.Count).When(x => x.Names is not null)
            .WithMessage("同一名称只能选择一次。").OverridePropertyName("names");
        RuleForEach(x => x.Names).ChildRules(choice =>
        {
            choice.RuleFor(c => c.Kind).IsInEnum().WithMessage("名称的类别无效。");
            choice.RuleFor(c => c.Name).RequiredText();
            choice.RuleFor(c => c.Create).Equal(false).When(c => c.ExistingId is not null).WithMessage("请在“对应已有”和“新建”中选择一项。");
        }).OverridePropertyName("names");
    }
}

internal sealed class ImportReportCommandHandler(ILedgerDbContext db, IDocumentReader reader, RequestContext context)
    : IRequestHandler<ImportReportCommand, ImportResult>
{
    private const string MissingTeam = "（待填写巡察组）";
    private const string MissingUnit = "（待填写被巡察单位）";

    public async Task<ImportResult> Handle(ImportReportCommand request, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        var draft = WithCorrections(Parse(request, cancellationToken), request.Round);
        var measureCount = draft.MeasureCount;
        var previous = await db.SourceDocuments.AsNoTracking()
            .Where(d => d.Sha256 == sha256).Select(d => (Guid?)d.RoundId).FirstOrDefaultAsync(cancellationToken);
        var names = await ImportNames.LoadAsync(db, cancellationToken);
        if (previous is not null || request.DryRun)
        {
            return new ImportResult(
                previous, previous is not null, sha256, draft.Aspects.Count, draft.ItemCount, measureCount, draft, draft.Warnings, names.Unknown(draft));
        }

        var warnings = draft.Warnings.ToList();
        var round = await CreateAsync(draft, names, request.Names ?? [], warnings, cancellationToken);
        db.SourceDocuments.Add(SourceDocument.Create(round.Id, request.FileName, sha256, request.Content, context.Stamp()));
        return new ImportResult(round.Id, false, sha256, draft.Aspects.Count, draft.ItemCount, measureCount, draft, warnings, names.Unknown(draft));
    }

    private ReportDraft Parse(ImportReportCommand request, CancellationToken cancellationToken)
    {
        ImportDocument document;
        try
        {
            document = reader.Read(request.Content, request.FileName, cancellationToken);
        }
        catch (DocumentRefusedException e)
        {
            throw FieldValidation.Error("content", e.Message);
        }

        if (DocumentLimits.CheckLines(document.Text) is { } tooLong)
        {
            throw FieldValidation.Error("content", tooLong);
        }

        var result = ReportParser.Parse(document, cancellationToken);
        var draft = result.Draft ?? throw FieldValidation.Error("content", result.Error!);
        if (draft.ItemCount == 0)
        {
            // The one refusal left: nothing a person could fix in the preview. Say what was looked for.
            var lookedFor = draft.Warnings.FirstOrDefault(w => w.Message.StartsWith("没有识别出任何问题条目", StringComparison.Ordinal))?.Message;
            throw FieldValidation.Error("content", lookedFor is null ? "文档中没有识别出任何问题条目，未导入。" : $"{lookedFor}未导入。");
        }

        return draft;
    }

    /// <summary>The round's facts the office typed over what the document says, and what neither gives as a warning.</summary>
    private static ReportDraft WithCorrections(ReportDraft draft, RoundDraft? corrected)
    {
        var round = corrected is null ? draft.Round : new RoundDraft(
            Text(corrected.InspectingTeam) ?? draft.Round.InspectingTeam,
            Text(corrected.InspectedUnit) ?? draft.Round.InspectedUnit,
            corrected.InspectionStart ?? draft.Round.InspectionStart,
            corrected.InspectionEnd ?? draft.Round.InspectionEnd,
            corrected.FeedbackDate ?? draft.Round.FeedbackDate,
            corrected.ReportDate ?? draft.Round.ReportDate);
        var warnings = draft.Warnings.ToList();
        if (round.InspectingTeam is null)
        {
            warnings.Add(new ParseWarning(0, $"文档没有写明巡察组，导入时记为“{MissingTeam}”，请在预览中填写或导入后在轮次中修改。"));
        }

        if (round.InspectedUnit is null)
        {
            warnings.Add(new ParseWarning(0, $"文档没有写明被巡察单位，导入时记为“{MissingUnit}”，请在预览中填写或导入后在轮次中修改。"));
        }

        return draft with { Round = round, Warnings = warnings };

        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private async Task<InspectionRound> CreateAsync(
        ReportDraft draft, ImportNames names, IReadOnlyList<NameChoice> choices, List<ParseWarning> warnings, CancellationToken cancellationToken)
    {
        var stamp = context.Stamp();
        var (start, end) = draft.Round.InspectionStart <= draft.Round.InspectionEnd
            ? (draft.Round.InspectionStart, draft.Round.InspectionEnd)
            : (draft.Round.InspectionStart, null);
        var round = InspectionRound.Create(
            new RoundDetails(draft.Round.InspectingTeam ?? MissingTeam, draft.Round.InspectedUnit ?? MissingUnit, start, end, draft.Round.FeedbackDate, null), stamp);
        db.Rounds.Add(round);

        // After the round, so the audit record is the round's; departments and people created here are listed in it.
        context.AuditNote = await names.ChooseAsync(db, draft, choices, stamp, cancellationToken);
        var doneOn = draft.Round.ReportDate is { } reported && reported <= context.Today ? reported : context.Today;
        var used = new HashSet<int>();
        foreach (var aspectDraft in draft.Aspects)
        {
            var aspect = round.AddAspect(aspectDraft.Title, null, stamp);
            foreach (var itemDraft in aspectDraft.Items)
            {
                var number = used.Add(itemDraft.Number) ? itemDraft.Number : Renumber(used, itemDraft, warnings);
                var item = RectificationItem.Create(round.Id, aspect.Id, ItemKind.Feedback, number, itemDraft.Title, itemDraft.Description, stamp);
                Assign(item, itemDraft, names, warnings, stamp);
                foreach (var measure in itemDraft.Measures)
                {
                    var lead = measure.LeadDepartment is { } name ? names.Find(NameKind.Department, name)?.Id : null;
                    item.AddMeasure(measure.Text, lead, measure.Deadline?.Date, stamp);
                }

                if (itemDraft.Status is { } status)
                {
                    StatusWalk.Walk(item, Reachable(status, itemDraft, warnings), doneOn, "导入的报告", stamp);
                }

                if (itemDraft.MeasuresDone && itemDraft.Status is null or ItemStatus.InProgress or ItemStatus.PartiallyDone)
                {
                    // A report of what was done, stating no status: the work has started and these measures are done.
                    StatusWalk.Walk(item, itemDraft.Status ?? ItemStatus.InProgress, doneOn, "导入的报告", stamp);
                    foreach (var measure in item.Measures.Where(m => !m.IsDone))
                    {
                        item.CompleteMeasure(measure.Id, doneOn, stamp);
                    }
                }

                // What the document says was done is the item's progress report, dated by the document.
                if (itemDraft.Progress is { Length: > 0 } progress && ItemLifecycle.IsAllowed(ItemAction.ReportProgress, item.Status))
                {
                    item.ReportProgress(doneOn, progress.Length > CommonRules.LongText ? progress[..CommonRules.LongText] : progress, null, null, stamp);
                }

                db.Items.Add(item);
            }
        }

        return round;
    }

    private static ItemStatus Reachable(ItemStatus stated, ItemDraft item, List<ParseWarning> warnings)
    {
        if (StatusWalk.Refusal(ItemStatus.NotStarted, stated) is null)
        {
            return stated;
        }

        warnings.Add(new ParseWarning(item.Line, $"报告载明问题{item.Number}“{stated.ToChinese()}”，导入为“已完成”：销号须在台账中申请、审核、审批。"));
        return ItemStatus.Completed;
    }

    private static int Renumber(HashSet<int> used, ItemDraft item, List<ParseWarning> warnings)
    {
        var number = used.Max() + 1;
        used.Add(number);
        warnings.Add(new ParseWarning(item.Line, $"序号{item.Number}重复，导入为序号{number}。"));
        return number;
    }

    /// <summary>
    /// Names the report gives are matched to managed departments and people, or to what the office chose for them in the
    /// preview; a name still unknown is a warning and leaves its part of the assignment empty.
    /// </summary>
    private static void Assign(RectificationItem item, ItemDraft draft, ImportNames names, List<ParseWarning> warnings, ChangeStamp stamp)
    {
        Assignee? Find(NameKind kind, string? name, string what)
        {
            if (name is null)
            {
                return null;
            }

            var found = names.Find(kind, name);
            if (found is null)
            {
                warnings.Add(new ParseWarning(draft.Line, $"{what}“{name}”不在{what}名单中，未分配，请在台账中指定。"));
            }

            return found;
        }

        var lead = Find(NameKind.Department, draft.LeadDepartment, "部门");
        var co = draft.CoDepartments.Select(c => Find(NameKind.Department, c, "部门")).OfType<Assignee>().Where(c => c.Id != lead?.Id).ToList();
        var assignment = new Assignment(Find(NameKind.Leader, draft.ResponsibleLeader, "人员"), lead, co, Find(NameKind.Person, draft.ResponsiblePerson, "人员"));
        var deadline = draft.Deadline is { } d ? Deadline.From(d.Date, d.IsLongTerm) : Deadline.None;
        var anyone = assignment.ResponsibleLeader ?? assignment.LeadDepartment ?? assignment.ResponsiblePerson;
        if (anyone is not null || co.Count > 0 || deadline != Deadline.None)
        {
            item.Assign(assignment, deadline, null, stamp);
        }
    }
}
