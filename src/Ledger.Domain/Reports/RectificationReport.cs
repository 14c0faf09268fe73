using Ledger.Domain.Common;
using Ledger.Domain.Reports.Rules;

namespace Ledger.Domain.Reports;

/// <summary>
/// 整改情况通报 of one round as the office writes it before publishing: the parts people write (how the rectification
/// was organised, next steps) and whatever they chose to word themselves instead of what the ledger composes (the title,
/// the opening, the closing, the signature, each item's 整改情况). Each publication freezes it as a
/// <see cref="PublishedReport"/>; the draft lives on for the next edition.
/// </summary>
/// <remarks>A part left null is composed from the ledger when the report is generated.</remarks>
public sealed class RectificationReport : AggregateRoot
{
    private readonly List<ReportItemText> _itemTexts = [];

    private RectificationReport()
    {
    }

    public Guid RoundId { get; private init; }

    /// <summary>标题, e.g. 中共郑州市惠济区人民检察院党组关于巡察整改进展情况的通报.</summary>
    public string? Title { get; private set; }

    /// <summary>The opening paragraph: who inspected whom, when, when the feedback came.</summary>
    public string? Opening { get; private set; }

    /// <summary>Part one's heading, e.g. 党组及主要负责人组织整改落实情况.</summary>
    public string? OrganisationHeading { get; private set; }

    /// <summary>Part one, 组织整改落实情况: one paragraph per line.</summary>
    public string? Organisation { get; private set; }

    /// <summary>Part two's heading, e.g. 巡察反馈问题整改进展情况.</summary>
    public string? ProblemsHeading { get; private set; }

    /// <summary>Part three's heading, e.g. 下一步工作计划.</summary>
    public string? NextStepsHeading { get; private set; }

    /// <summary>Part three, 下一步工作安排: one paragraph per line.</summary>
    public string? NextSteps { get; private set; }

    /// <summary>After part three: the invitation to supervise and the contacts.</summary>
    public string? Closing { get; private set; }

    /// <summary>The issuing organ under the text, e.g. 中共郑州市惠济区人民检察院党组.</summary>
    public string? Signature { get; private set; }

    /// <summary>How many editions have been published: the next one is this plus one.</summary>
    public int Editions { get; private set; }

    public IReadOnlyList<ReportItemText> ItemTexts => _itemTexts;

    public static RectificationReport Create(Guid roundId, ChangeStamp stamp)
    {
        var report = new RectificationReport { RoundId = roundId };
        report.MarkCreated(stamp);
        return report;
    }

    public void Write(ReportParts parts, ChangeStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Title = Text.Clean(parts.Title);
        Opening = Text.Clean(parts.Opening);
        OrganisationHeading = Text.Clean(parts.OrganisationHeading);
        Organisation = Text.Clean(parts.Organisation);
        ProblemsHeading = Text.Clean(parts.ProblemsHeading);
        NextStepsHeading = Text.Clean(parts.NextStepsHeading);
        NextSteps = Text.Clean(parts.NextSteps);
        Closing = Text.Clean(parts.Closing);
        Signature = Text.Clean(parts.Signature);
        Touch(stamp);
    }

    /// <summary>Words an item's 整改情况 for the report; blank gives it back to what the ledger composes.</summary>
    public void WriteItemText(Guid itemId, string? text, ChangeStamp stamp)
    {
        var clean = Text.Clean(text);
        var written = _itemTexts.SingleOrDefault(t => t.ItemId == itemId);
        if (written is not null)
        {
            _itemTexts.Remove(written);
        }

        if (clean is not null)
        {
            _itemTexts.Add(new ReportItemText(Id, itemId, clean, stamp));
        }

        Touch(stamp);
    }

    public string? ItemText(Guid itemId) => _itemTexts.SingleOrDefault(t => t.ItemId == itemId)?.Text;

    /// <summary>
    /// Freezes the report as generated into the next edition. The caller renders it; this checks that the parts only
    /// people can write are written and that open consistency issues were looked at.
    /// </summary>
    public PublishedReport Publish(PublishedContent content, int openIssues, bool issuesReviewed, ChangeStamp stamp)
    {
        CheckRule(new ReportPartsMustBeWritten(Organisation, NextSteps));
        CheckRule(new ConsistencyIssuesMustBeReviewed(openIssues, issuesReviewed));
        var published = PublishedReport.Create(RoundId, Editions + 1, content, stamp);
        Editions = published.Edition;
        Touch(stamp);
        return published;
    }
}

/// <summary>The written parts of a report; null or blank leaves a part to the ledger.</summary>
public sealed record ReportParts(
    string? Title,
    string? Opening,
    string? OrganisationHeading,
    string? Organisation,
    string? ProblemsHeading,
    string? NextStepsHeading,
    string? NextSteps,
    string? Closing,
    string? Signature);

/// <summary>An item's 整改情况 as the office worded it for the report.</summary>
public sealed class ReportItemText
{
    private ReportItemText()
    {
        Text = string.Empty;
        WrittenBy = string.Empty;
    }

    internal ReportItemText(Guid reportId, Guid itemId, string text, ChangeStamp stamp)
    {
        ReportId = reportId;
        ItemId = itemId;
        Text = text;
        WrittenBy = stamp.Actor;
        WrittenAt = stamp.At;
    }

    public Guid ReportId { get; private init; }

    public Guid ItemId { get; private init; }

    public string Text { get; private init; }

    public string WrittenBy { get; private init; }

    public DateTime WrittenAt { get; private init; }
}
