using Ledger.Application.Importing;
using Microsoft.AspNetCore.Components.Forms;

namespace Ledger.Web.Ui;

/// <summary>
/// A file chosen on an import page, read into memory for the import request. Another type or a file over the import's
/// limit is refused here in Chinese, before its bytes cross the circuit; what the file holds is the server's to judge.
/// </summary>
internal sealed record UploadedFile(string Name, byte[] Content)
{
    public static async Task<(UploadedFile? File, string? Refusal)> ReadAsync(IBrowserFile file, IReadOnlyList<string> extensions, CancellationToken cancellationToken = default)
    {
        if (!extensions.Contains(Path.GetExtension(file.Name).ToLowerInvariant()))
        {
            var allowed = extensions.Count == 1 ? extensions[0] : $"{string.Join("、", extensions.Take(extensions.Count - 1))} 或 {extensions[^1]}";
            return (null, $"“{file.Name}”不能导入：只能选择 {allowed} 文件。");
        }

        if (file.Size > ImportReportCommand.MaxBytes)
        {
            return (null, ImportReportCommand.TooLarge);
        }

        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream(ImportReportCommand.MaxBytes, cancellationToken);
        await stream.CopyToAsync(buffer, cancellationToken);
        return (new UploadedFile(file.Name, buffer.ToArray()), null);
    }
}
