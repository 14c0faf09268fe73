using Ledger.Web.Ui;
using MudBlazor.Utilities;

namespace Ledger.Web.Tests.Ui;

public sealed class ThemeContrastTests
{
    [Fact]
    public void Orange_chips_read_at_least_4_5_to_1_as_white_text_on_orange_and_as_orange_text_on_white()
    {
        var palette = LedgerTheme.Theme.PaletteLight;

        Assert.InRange(Contrast(palette.Warning, palette.WarningContrastText), 4.5, 21);
        Assert.InRange(Contrast(palette.Warning, palette.Surface), 4.5, 21);
    }

    // WCAG 2.1's contrast ratio of two sRGB colours.
    private static double Contrast(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(MudColor color)
    {
        static double Channel(byte value) => value / 255.0 is var c && c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return (0.2126 * Channel(color.R)) + (0.7152 * Channel(color.G)) + (0.0722 * Channel(color.B));
    }
}
