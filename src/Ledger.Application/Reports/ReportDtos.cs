using Ledger.Domain.Items;
using Ledger.Domain.Reports;

namespace Ledger.Application.Reports;

/// <summary>
/// A round's report as it would be published for a date: the text, the figures, each problem's paragraph, the
/// consistency issues to look at first, and the draft's version to send back with an edit or the publication.
/// </summary>
/// <param name="Version">The draft's version; null while nothing has been written for this round's report.</param>
/// <param name="Written">The parts as written, null where the ledger composes them.</param>
/// <param name="Composed">What the ledger writes for each part when nobody has; parts one and three have no composed text.</param>
/// <param name="Text">The report as plain text, one paragraph per line: what the .docx says.</param>
public sealed record ReportDraftDto(
    Guid RoundId,
    DateOnly AsOf,
    DateOnly ReportDate,
    Guid? Version,
    ReportParts Written,
    ReportParts Composed,
    RoundFigures Figures,
    IReadOnlyList<ReportItemDto> Items,
    IReadOnlyList<ReportIssue> Issues,
    string Text,
    PublishedReportSummary? LastPublished);

/// <summary>One problem's paragraph of part two as of the report's date.</summary>
/// <param name="StatusText">The report's word for the status: 完成, 阶段性完成, 正在整改, 尚未启动.</param>
/// <param name="WrittenText">整改情况 as the office worded it; null when the composed text is used.</param>
/// <param name="ComposedText">整改情况 from the measures and the latest progress report by the date.</param>
/// <param name="Evidence">Evidence submitted by the date and not withdrawn then.</param>
public sealed record ReportItemDto(
    Guid ItemId,
    int Number,
    Guid AspectId,
    string Title,
    ItemStatus Status,
    string StatusText,
    string? WrittenText,
    string ComposedText,
    int Evidence,
    int ProgressReports);

/// <summary>Something to check before publishing. <see cref="Code"/> is stable for programs; <see cref="Message"/> is for people.</summary>
public sealed record ReportIssue(string Code, string Message, Guid? ItemId = null);

/// <summary>A published edition as listed.</summary>
public sealed record PublishedReportSummary(
    Guid Id,
    Guid RoundId,
    int Edition,
    DateOnly AsOf,
    DateOnly ReportDate,
    string Title,
    DateTime PublishedAt,
    string PublishedBy,
    string DocxSha256);

/// <summary>A published edition in full: its frozen text, figures and the issues it was published with.</summary>
public sealed record PublishedReportDto(
    PublishedReportSummary Summary,
    string Text,
    RoundFigures Figures,
    IReadOnlyList<ReportIssue> Issues);

/// <summary>A report file to download.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>An item's status as a published edition stated it.</summary>
public sealed record PublishedItemStatus(Guid ItemId, ItemKind Kind, int Number, ItemStatus Status);
