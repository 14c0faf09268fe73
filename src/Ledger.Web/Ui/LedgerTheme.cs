using MudBlazor;

namespace Ledger.Web.Ui;

/// <summary>MudBlazor's look with the fonts Chinese office PCs and phones already have: nothing is fetched from outside.</summary>
internal static class LedgerTheme
{
    private static readonly string[] Fonts =
        ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", "Helvetica", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            AppbarBackground = "#b71c1c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },

            // Upper case means nothing in Chinese and shouts the Latin words among it (EXCEL).
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
