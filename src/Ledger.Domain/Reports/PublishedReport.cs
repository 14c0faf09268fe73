using Ledger.Domain.Common;

namespace Ledger.Domain.Reports;

/// <summary>
/// One published edition of a round's 整改情况通报, frozen: its text, its figures, the dates it speaks for, the .docx as
/// it was handed out (with its SHA-256) and the consistency issues open when it was published. Nothing changes it; a
/// later report is a new edition.
/// </summary>
public sealed class PublishedReport
{
    private PublishedReport()
    {
        Title = string.Empty;
        Text = string.Empty;
        Figures = string.Empty;
        Items = string.Empty;
        Issues = string.Empty;
        Docx = [];
        DocxSha256 = string.Empty;
        PublishedBy = string.Empty;
    }

    public Guid Id { get; private init; }

    public Guid RoundId { get; private init; }

    /// <summary>第1版, 第2版 … within the round.</summary>
    public int Edition { get; private init; }

    /// <summary>截至日期: the statuses and figures are the ledger's as recorded by the end of this China date.</summary>
    public DateOnly AsOf { get; private init; }

    /// <summary>成文日期 under the signature.</summary>
    public DateOnly ReportDate { get; private init; }

    public string Title { get; private init; }

    /// <summary>The report as plain text, one paragraph per line.</summary>
    public string Text { get; private init; }

    /// <summary>The figures as of <see cref="AsOf"/>, as JSON.</summary>
    public string Figures { get; private init; }

    /// <summary>Each item's status as the report states it, as JSON: what a later edition is checked against.</summary>
    public string Items { get; private init; }

    /// <summary>The consistency issues still open when it was published, as JSON.</summary>
    public string Issues { get; private init; }

    public byte[] Docx { get; private init; }

    /// <summary>Lower-case hex of the SHA-256 of <see cref="Docx"/>.</summary>
    public string DocxSha256 { get; private init; }

    public DateTime PublishedAt { get; private init; }

    public string PublishedBy { get; private init; }

    internal static PublishedReport Create(Guid roundId, int edition, PublishedContent content, ChangeStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.ReportDate < content.AsOf)
        {
            throw new ArgumentException("A report cannot be dated before the day its figures are counted to.", nameof(content));
        }

        return new()
        {
            Id = Guid.CreateVersion7(),
            RoundId = roundId,
            Edition = edition,
            AsOf = content.AsOf,
            ReportDate = content.ReportDate,
            Title = Common.Text.Required(content.Title, "Title"),
            // Kept as rendered, final newline included: the text download is these bytes.
            Text = string.IsNullOrWhiteSpace(content.Text) ? throw new ArgumentException("A published report has text.", nameof(content)) : content.Text,
            Figures = content.Figures,
            Items = content.Items,
            Issues = content.Issues,
            Docx = content.Docx,
            DocxSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.Docx)),
            PublishedAt = stamp.At,
            PublishedBy = stamp.Actor,
        };
    }
}

/// <summary>What a published edition holds, as the application rendered it.</summary>
public sealed record PublishedContent(
    DateOnly AsOf,
    DateOnly ReportDate,
    string Title,
    string Text,
    string Figures,
    string Items,
    string Issues,
    byte[] Docx);
