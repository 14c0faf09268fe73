using System.Linq.Expressions;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Common;
using Ledger.Domain.Items;
using Ledger.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Reports;

/// <summary>A round's report generated for a date: the document, what the office reviews, and the statuses it states.</summary>
internal sealed record ComposedReport(ReportDocument Document, ReportDraftDto Draft, IReadOnlyList<PublishedItemStatus> Statuses, string FileStem);

/// <summary>
/// Generates a round's 整改情况通报 as of a China date from the ledger, in the seeds' structure: the opening; part one, how
/// the rectification was organised, closed by the plan and statistics sentences; part two, one section per aspect and
/// per problem its head, its status on the date and what was done; part three, next steps; the closing, the signature
/// and the date. Everything about items is as recorded by the end of the date (<see cref="ItemsOnDate"/>), so a report
/// regenerated later for the same date says the same.
/// </summary>
/// <remarks>
/// Part two lists 反馈问题 only, as the published reports do: immediate fixes and petitions are counted in the statistics
/// sentence, and a petition's particulars are not for publication.
/// </remarks>
internal static class ReportComposer
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The round's draft as written so far, with its item texts; null when nobody has written anything.</summary>
    public static Task<RectificationReport?> DraftAsync(IQueryable<RectificationReport> reports, Guid roundId, CancellationToken cancellationToken) =>
        reports.Include(r => r.ItemTexts).SingleOrDefaultAsync(r => r.RoundId == roundId, cancellationToken);

    public static async Task<ComposedReport> ComposeAsync(
        ILedgerDbContext db, Guid roundId, DateOnly asOf, DateOnly reportDate, RectificationReport? draft, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new RoundFacts(
                r.InspectingTeam,
                r.InspectedUnit,
                r.InspectionStart,
                r.InspectionEnd,
                r.FeedbackDate,
                r.Aspects.OrderBy(a => a.Order).Select(a => new AspectFacts(a.Id, a.Title)).ToList()))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("巡察轮次");

        var onDate = await ItemsOnDate.ReadAsync(db.Items.Where(i => i.RoundId == roundId), asOf, cancellationToken);
        var figures = RoundFigures.Of(roundId, asOf, round.Aspects.Count, onDate);
        var end = ChinaCalendar.StartOf(asOf.AddDays(1));
        var details = await db.Items.AsNoTracking()
            .Where(i => i.RoundId == roundId && i.CreatedAt < end)
            .Select(i => new ItemFacts(
                i.Id,
                i.Title,
                i.Description,
                i.Measures.OrderBy(m => m.Sequence).Select(m => new MeasureFacts(m.Text, m.CompletedOn)).ToList(),
                i.ProgressReports.Count(p => p.RecordedAt < end),
                i.ProgressReports.Where(p => p.RecordedAt < end).OrderByDescending(p => p.RecordedAt).Select(p => p.Progress).FirstOrDefault(),
                i.Evidence.Count(e => e.SubmittedAt < end && (e.WithdrawnAt == null || e.WithdrawnAt >= end))))
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var lastId = await db.PublishedReports.Where(p => p.RoundId == roundId).OrderByDescending(p => p.Edition).Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var last = lastId is null
            ? null
            : await db.PublishedReports.AsNoTracking().Where(p => p.Id == lastId).Select(p => new { p.Figures, p.Items }).SingleAsync(cancellationToken);
        var lastSummary = lastId is null
            ? null
            : await db.PublishedReports.AsNoTracking().Where(p => p.Id == lastId).Select(SummaryOf).SingleAsync(cancellationToken);

        var composed = new ReportParts(
            ReportWording.Title(round.InspectedUnit),
            ReportWording.Opening(round.InspectingTeam, round.InspectedUnit, round.InspectionStart, round.InspectionEnd, round.FeedbackDate),
            ReportWording.OrganisationPart,
            null,
            ReportWording.ProblemsPart,
            ReportWording.NextStepsPart,
            null,
            ReportWording.DefaultClosing,
            ReportWording.Signature(round.InspectedUnit));
        var written = new ReportParts(
            draft?.Title,
            draft?.Opening,
            draft?.OrganisationHeading,
            draft?.Organisation,
            draft?.ProblemsHeading,
            draft?.NextStepsHeading,
            draft?.NextSteps,
            draft?.Closing,
            draft?.Signature);

        var aspectOrder = round.Aspects.Select((a, i) => (a.Id, i)).ToDictionary(a => a.Id, a => a.i);
        var problems = onDate
            .Where(i => i.Kind == ItemKind.Feedback)
            .OrderBy(i => aspectOrder.GetValueOrDefault(i.AspectId, int.MaxValue)).ThenBy(i => i.Number)
            .Select(i => new ReportItemDto(
                i.Id,
                i.Number,
                i.AspectId,
                details[i.Id].Title,
                i.Status,
                ReportWording.Status(i.Status),
                draft?.ItemText(i.Id),
                ReportWording.ItemText(
                    [.. details[i.Id].Measures.Take(i.Measures).Select(m => new MeasureOnDate(m.Text, i.IsCompleted || m.CompletedOn <= asOf))],
                    details[i.Id].LatestProgress),
                details[i.Id].Evidence,
                details[i.Id].ProgressReports))
            .ToList();

        var parts = new EffectiveParts(written, composed);
        var document = Document(round.Aspects, parts, figures, problems, details, reportDate);
        var statuses = onDate.Select(i => new PublishedItemStatus(i.Id, i.Kind, i.Number, i.Status)).ToList();
        List<ReportIssue> issues = [.. Issues(parts, problems, onDate, details, asOf)];
        if (last is not null)
        {
            issues.AddRange(Differences(
                lastSummary!,
                JsonSerializer.Deserialize<RoundFigures>(last.Figures, Json)!,
                JsonSerializer.Deserialize<List<PublishedItemStatus>>(last.Items, Json)!,
                figures,
                statuses));
        }

        var draftDto = new ReportDraftDto(
            roundId, asOf, reportDate, draft?.Version, written, composed, figures, problems, issues, document.ToPlainText(), lastSummary);
        return new ComposedReport(document, draftDto, statuses, ReportFiles.Stem(document.Title, asOf));
    }

    /// <summary>An edition as listed, projected in SQL so that its .docx is never read to list it.</summary>
    public static readonly Expression<Func<PublishedReport, PublishedReportSummary>> SummaryOf = p =>
        new PublishedReportSummary(p.Id, p.RoundId, p.Edition, p.AsOf, p.ReportDate, p.Title, p.PublishedAt, p.PublishedBy, p.DocxSha256);

    private static ReportDocument Document(
        IReadOnlyList<AspectFacts> aspects,
        EffectiveParts parts,
        RoundFigures figures,
        IReadOnlyList<ReportItemDto> problems,
        Dictionary<Guid, ItemFacts> details,
        DateOnly reportDate)
    {
        List<ReportBlock> body =
        [
            new ReportParagraph(ReportWording.OneLine(parts.Opening)),
            new PartHeading(1, ReportWording.Heading(parts.OrganisationHeading)),
            .. ReportWording.Paragraphs(parts.Organisation),
            new ReportParagraph(figures.PlanSentence + figures.Sentence),
            new PartHeading(2, ReportWording.Heading(parts.ProblemsHeading)),
        ];
        var aspectNumber = 0;
        foreach (var aspect in aspects)
        {
            var underAspect = problems.Where(p => p.AspectId == aspect.Id).ToList();
            if (underAspect.Count == 0)
            {
                continue;
            }

            body.Add(new AspectHeading(++aspectNumber, ReportWording.OneLine(aspect.Title)));
            foreach (var problem in underAspect)
            {
                var (head, rest) = ReportWording.Problem(problem.Title, details[problem.ItemId].Description);
                body.Add(new ReportParagraph(rest, ParagraphLead.Item(problem.Number, head)));
                body.Add(new ReportParagraph(problem.StatusText, ParagraphLead.Label(ReportWording.StatusLabel)));
                var lines = ReportWording.Lines(problem.WrittenText ?? problem.ComposedText).ToList();
                body.Add(new ReportParagraph(lines.FirstOrDefault() ?? string.Empty, ParagraphLead.Label(ReportWording.TextLabel)));
                body.AddRange(lines.Skip(1).Select(l => new ReportParagraph(l)));
            }
        }

        body.Add(new PartHeading(3, ReportWording.Heading(parts.NextStepsHeading)));
        body.AddRange(ReportWording.Paragraphs(parts.NextSteps));
        body.AddRange(ReportWording.Lines(parts.Closing).Select(l => new ReportParagraph(l)));
        return new ReportDocument(ReportWording.OneLine(parts.Title), body, ReportWording.OneLine(parts.Signature), reportDate);
    }

    /// <summary>What the office should look at before publishing, apart from the differences from the last edition.</summary>
    private static IEnumerable<ReportIssue> Issues(
        EffectiveParts parts, IReadOnlyList<ReportItemDto> problems, IReadOnlyList<ItemOnDate> onDate, Dictionary<Guid, ItemFacts> details, DateOnly asOf)
    {
        var date = ChinaCalendar.Format(asOf);
        if (parts.Written.Organisation is null)
        {
            yield return new("OrganisationMissing", $"第一部分“{parts.OrganisationHeading}”尚未填写。");
        }

        if (parts.Written.NextSteps is null)
        {
            yield return new("NextStepsMissing", $"第三部分“{parts.NextStepsHeading}”尚未填写。");
        }

        foreach (var p in problems.Where(p => p.WrittenText is null && p.ProgressReports == 0))
        {
            yield return new(
                "NoProgressText",
                $"{ReportWording.ItemName(ItemKind.Feedback, p.Number)}截至{date}没有进展情况，通报也未填写其整改情况" +
                (p.ComposedText.Length > 0 ? "，现按整改措施生成，请核实。" : "。"),
                p.ItemId);
        }

        foreach (var i in onDate.Where(i => i.IsCompleted && details[i.Id].Evidence == 0))
        {
            yield return new("CompletedWithoutEvidence", $"{ReportWording.ItemName(i.Kind, i.Number)}截至{date}已完成，但没有佐证材料。", i.Id);
        }
    }


    /// <summary>
    /// What differs from the last published edition: each figure the report quotes, and each item the edition stated as
    /// further along than it is now (an item reopened by 回头看 is the usual cause).
    /// </summary>
    private static IEnumerable<ReportIssue> Differences(
        PublishedReportSummary edition, RoundFigures before, IReadOnlyList<PublishedItemStatus> beforeStatuses, RoundFigures now, IReadOnlyList<PublishedItemStatus> nowStatuses)
    {
        var source = $"第{edition.Edition}版通报（截至{ChinaCalendar.Format(edition.AsOf)}）";
        foreach (var ((label, unit, then), (_, _, current)) in Quoted(before).Zip(Quoted(now)))
        {
            if (then != current)
            {
                yield return new ReportIssue("FigureChanged", $"{label}与{source}不同：当时{then}{unit}，现为{current}{unit}。");
            }
        }

        var nowById = nowStatuses.ToDictionary(s => s.ItemId);
        foreach (var then in beforeStatuses)
        {
            if (nowById.TryGetValue(then.ItemId, out var current) && Stage(current.Status) < Stage(then.Status))
            {
                yield return new ReportIssue(
                    "StatusWentBack",
                    $"{ReportWording.ItemName(then.Kind, then.Number)}在{source}中为{ReportWording.Status(then.Status)}，现为{ReportWording.Status(current.Status)}。",
                    then.ItemId);
            }
        }
    }

    /// <summary>How far along the report says an item is: 完成 counts as one stage, whatever step of close-out it is in.</summary>
    private static ItemStatus Stage(ItemStatus status) => status >= ItemLifecycle.FirstSettled ? ItemLifecycle.FirstSettled : status;

    /// <summary>The figures the report's sentences quote, in their words.</summary>
    private static IEnumerable<(string Label, string Unit, int Value)> Quoted(RoundFigures f) =>
    [
        ("方面", "个", f.Aspects),
        ("具体问题", "个", f.Problems.Total),
        ("已完成整改的具体问题", "个", f.Problems.Completed),
        ("阶段性完成整改的具体问题", "个", f.Problems.PartiallyDone),
        ("正在整改的具体问题", "个", f.Problems.InProgress),
        ("尚未启动整改的具体问题", "个", f.Problems.NotStarted),
        ("立行立改事项", "个", f.ImmediateFixes.Total),
        ("完成整改的立行立改事项", "个", f.ImmediateFixes.Completed),
        ("交办信访件", "件", f.Petitions.Total),
        ("已办结的信访件", "件", f.Petitions.Completed),
        ("整改事项", "个", f.All.Total),
        ("整改措施", "条", f.All.Measures),
    ];
}

internal sealed record RoundFacts(
    string InspectingTeam, string InspectedUnit, DateOnly? InspectionStart, DateOnly? InspectionEnd, DateOnly? FeedbackDate, List<AspectFacts> Aspects);

internal sealed record AspectFacts(Guid Id, string Title);

/// <summary>An item's words and what was recorded for it by the report's date.</summary>
internal sealed record ItemFacts(Guid Id, string Title, string? Description, List<MeasureFacts> Measures, int ProgressReports, string? LatestProgress, int Evidence);

/// <param name="CompletedOn">The day the measure was done, as recorded; null while it is open.</param>
internal sealed record MeasureFacts(string Text, DateOnly? CompletedOn);

/// <summary>A measure as a report of a date states it: done by then, or still to do.</summary>
internal sealed record MeasureOnDate(string Text, bool Done);

/// <summary>Each part as the report prints it: written where the office wrote it, composed otherwise.</summary>
internal sealed record EffectiveParts(ReportParts Written, ReportParts Composed)
{
    public string Title => Written.Title ?? Composed.Title!;

    public string Opening => Written.Opening ?? Composed.Opening!;

    public string OrganisationHeading => Written.OrganisationHeading ?? Composed.OrganisationHeading!;

    public string? Organisation => Written.Organisation;

    public string ProblemsHeading => Written.ProblemsHeading ?? Composed.ProblemsHeading!;

    public string NextStepsHeading => Written.NextStepsHeading ?? Composed.NextStepsHeading!;

    public string? NextSteps => Written.NextSteps;

    public string Closing => Written.Closing ?? Composed.Closing!;

    public string Signature => Written.Signature ?? Composed.Signature!;
}
