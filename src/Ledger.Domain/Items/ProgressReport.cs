using Ledger.Domain.Common;

namespace Ledger.Domain.Items;

/// <summary>进展情况: a dated note from the department of what was done since last time.</summary>
public sealed class ProgressReport
{
    private ProgressReport()
    {
        Progress = string.Empty;
        ReportedBy = string.Empty;
    }

    internal ProgressReport(Guid itemId, DateOnly reportDate, string progress, string? nextSteps, string? problems, ChangeStamp stamp)
    {
        Id = Guid.CreateVersion7();
        ItemId = itemId;
        ReportDate = reportDate;
        Progress = Common.Text.Required(progress, "Progress");
        NextSteps = Common.Text.Clean(nextSteps);
        Problems = Common.Text.Clean(problems);
        ReportedBy = stamp.Actor;
        RecordedAt = stamp.At;
    }

    public Guid Id { get; private init; }

    public Guid ItemId { get; private init; }

    /// <summary>The date the report speaks for.</summary>
    public DateOnly ReportDate { get; private init; }

    /// <summary>本期进展.</summary>
    public string Progress { get; private init; }

    /// <summary>下一步.</summary>
    public string? NextSteps { get; private init; }

    /// <summary>存在问题.</summary>
    public string? Problems { get; private init; }

    public string ReportedBy { get; private init; }

    public DateTime RecordedAt { get; private init; }
}
