using Ledger.Application.Common;

namespace Ledger.Application.Reminders;

/// <summary>Where links in emails point: the address users open Ledger at.</summary>
public sealed class ReminderOptions : ICheckedSettings
{
    public const string Section = "Ledger:Reminders";

    /// <summary>e.g. https://ledger.example.gov.cn; without it emails carry the item's path only.</summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"))
        {
            yield return $"{Section}:PublicBaseUrl 须为以 http:// 或 https:// 开头的完整地址（如 https://ledger.example.gov.cn），现为“{PublicBaseUrl}”。";
        }
    }
}
