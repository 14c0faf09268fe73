namespace Ledger.Web.Ui;

/// <summary>Settings of the UI (<c>Ledger:Ui</c>).</summary>
internal sealed class UiOptions
{
    public const string Section = "Ledger:Ui";

    /// <summary>黄: an open item due within this many working days (today included as 0).</summary>
    public int DueSoonWorkingDays { get; init; } = 3;
}
