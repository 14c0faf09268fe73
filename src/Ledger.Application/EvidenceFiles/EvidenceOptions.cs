namespace Ledger.Application.EvidenceFiles;

public sealed class EvidenceOptions
{
    public const string Section = "Ledger:Evidence";

    public long MaxBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>
    /// Where evidence files are kept: <c>evidence/</c> in the data directory unless set. Every node of a deployment must
    /// name the same shared folder (docs/adr/0013); relative paths are under the content root.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// May narrow the built-in list; an extension <see cref="EvidenceFileTypes"/> has no content check for is
    /// still refused, because accepting it would mean trusting the name alone.
    /// </summary>
    public string[] AllowedExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".txt"];
}
