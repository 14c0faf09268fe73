using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledger.Domain.Items;

namespace Ledger.Application.Importing;

/// <summary>
/// What a rectification report, feedback list or plan says, before anything is created: the round,
/// its aspects and items as the text gives them, the report's own statistics, and every doubt.
/// </summary>
public sealed record ReportDraft(
    RoundDraft Round,
    IReadOnlyList<AspectDraft> Aspects,
    ReportSummary? Summary,
    IReadOnlyList<ParseWarning> Warnings,
    DocumentGenre Genre = DocumentGenre.ProgressReport)
{
    public int ItemCount => Aspects.Sum(a => a.Items.Count);

    public int MeasureCount => Aspects.Sum(a => a.Items.Sum(i => i.Measures.Count));
}

/// <summary>What kind of document of the genre was read, as the parser recognised it.</summary>
public enum DocumentGenre
{
    /// <summary>整改情况通报/报告: problems with what was done, often statuses and statistics.</summary>
    ProgressReport,

    /// <summary>巡察反馈意见: problems only; no measures, statuses or assignments yet.</summary>
    FeedbackLetter,

    /// <summary>整改方案 or 问题/任务/责任清单 as text.</summary>
    RectificationPlan,

    /// <summary>整改方案 whose task list is a Word table.</summary>
    TaskTable,

    /// <summary>An Excel 台账 of any template.</summary>
    LedgerSheet,
}

public sealed record RoundDraft(
    string? InspectingTeam,
    string? InspectedUnit,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    DateOnly? FeedbackDate,
    DateOnly? ReportDate);

public sealed record AspectDraft(int Number, string Title, IReadOnlyList<ItemDraft> Items);

/// <param name="Progress">What the document says was done beside the measures it lists: the item's progress report.</param>
/// <param name="MeasuresDone">
/// The measures came under 整改情况/完成情况 with no plan listed apart: they are what the document says was done, and are
/// recorded as done on its date.
/// </param>
public sealed record ItemDraft(
    int Number,
    string Title,
    string Description,
    ItemStatus? Status,
    IReadOnlyList<MeasureDraft> Measures,
    string? ResponsibleLeader,
    string? LeadDepartment,
    IReadOnlyList<string> CoDepartments,
    string? ResponsiblePerson,
    DeadlineDraft? Deadline,
    int Line,
    string? Progress = null,
    bool MeasuresDone = false);

public sealed record MeasureDraft(string Text, string? LeadDepartment, DeadlineDraft? Deadline);

/// <summary>A deadline as written: a date, or 长期坚持. In JSON: "YYYY-MM-DD" or "long-term".</summary>
[JsonConverter(typeof(DeadlineDraftJsonConverter))]
public sealed record DeadlineDraft(DateOnly? Date, bool IsLongTerm)
{
    public const string LongTerm = "long-term";

    public override string ToString() => IsLongTerm ? LongTerm : Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}

internal sealed class DeadlineDraftJsonConverter : JsonConverter<DeadlineDraft>
{
    public override DeadlineDraft? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() switch
        {
            null => null,
            DeadlineDraft.LongTerm => new DeadlineDraft(null, true),
            var text => new DeadlineDraft(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), false),
        };

    public override void Write(Utf8JsonWriter writer, DeadlineDraft value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>The statistics sentence (截至…,巡察反馈的N个具体问题,已完成整改N个…), as the report states it.</summary>
public sealed record ReportSummary(DateOnly? AsOf, int? Total, int? Completed, int? PartiallyDone, int? ImmediateFixes, int? Petitions);

/// <summary>
/// A line the parser skipped or is unsure about (1-based; 0 for the document as a whole). For a table, the line is
/// the row (a sheet's row number as Excel shows it) and <paramref name="Cell"/> names the cell, e.g. 表1·第3行·责任单位.
/// </summary>
public sealed record ParseWarning(int Line, string Message, string? Cell = null);

/// <summary>Either a draft or, for input that is not text at all, a clear error.</summary>
public sealed record ParseResult(ReportDraft? Draft, string? Error)
{
    public bool Succeeded => Draft is not null;
}
