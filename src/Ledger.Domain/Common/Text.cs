namespace Ledger.Domain.Common;

internal static class Text
{
    /// <summary>Trims user text and turns blank into null, so "no reason" is one value.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Required(string? value, string what) =>
        Clean(value) ?? throw new ArgumentException($"{what} is required.", nameof(value));
}
