using MudBlazor;

namespace Ledger.Web.Ui;

/// <summary>MudBlazor's look with the fonts Chinese office PCs and phones already have: nothing is fetched from outside.</summary>
internal static class LedgerTheme
{
    private static readonly string[] Fonts =
        ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", "Helvetica", "Arial", "sans-serif"];

    /// <summary>The orange of 未签收, 待办 and unread chips.</summary>
    public const string WarningColor = "#b45309";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            AppbarBackground = "#b71c1c",

            // MudBlazor's orange (#ff9800) under white text reads at 2.16:1; this one at 5.02:1, as text on white too (WCAG AA: 4.5).
            Warning = LedgerTheme.WarningColor,
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },

            // Upper case means nothing in Chinese and shouts the Latin words among it (EXCEL).
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
