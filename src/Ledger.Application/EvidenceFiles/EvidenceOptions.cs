namespace Ledger.Application.EvidenceFiles;

public sealed class EvidenceOptions
{
    public const string Section = "Ledger:Evidence";

    public long MaxBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>
    /// May narrow the built-in list; an extension <see cref="EvidenceFileTypes"/> has no content check for is
    /// still refused, because accepting it would mean trusting the name alone.
    /// </summary>
    public string[] AllowedExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".txt"];
}
