using Ledger.Application.Common;

namespace Ledger.Application.EvidenceFiles;

/// <summary>Configuration section <c>Ledger:Evidence</c>: how large evidence may be, of which types, and where it is kept.</summary>
public sealed class EvidenceOptions : ICheckedSettings
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

    public IEnumerable<string> Problems()
    {
        if (MaxBytes <= 0)
        {
            yield return $"{Section}:MaxBytes 须大于 0（单位为字节，默认 52428800 即 50 MB）。";
        }

        if (Directory is not null && string.IsNullOrWhiteSpace(Directory))
        {
            yield return $"{Section}:Directory 未设置：值为空白。删去此项即使用数据目录下的 evidence 文件夹。";
        }

        foreach (var extension in AllowedExtensions.Where(e => !EvidenceFileTypes.IsCheckable(e)))
        {
            yield return $"{Section}:AllowedExtensions 中的“{extension}”不受支持，可选：{string.Join("、", EvidenceFileTypes.Checkable)}。";
        }
    }
}
