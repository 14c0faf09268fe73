using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ledger.EndToEnd.Tests;

/// <summary>The item page as the browser tests drive it: opened as a user, a step taken through its dialog.</summary>
internal static class ItemPage
{
    public static async Task<IPage> OpenAsync(BrowserHost host, string userName, Guid itemId)
    {
        var page = await BrowserHost.SignedInAsync(host.NewPageAsync(), userName);
        await page.GotoAsync($"/items/{itemId}");
        await BrowserHost.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("item-actions")).ToBeVisibleAsync();
        return page;
    }

    public static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog);

    public static ILocator Status(IPage page) => page.GetByTestId("item-status");

    /// <summary>
    /// Submits the open step and waits for its confirmation, then lets it go: MudBlazor times snackbars on the host's
    /// clock, which stands still unless a test moves it, and unmoved they would pile up over the action buttons.
    /// </summary>
    public static async Task SubmitAsync(BrowserHost host, IPage page, string done)
    {
        await Dialog(page).GetByTestId("step-submit").ClickAsync();
        var snackbar = page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = done }).First;
        await Expect(snackbar).ToBeVisibleAsync();
        await Expect(Dialog(page)).ToHaveCountAsync(0);
        for (var moves = 0; moves < 10 && await snackbar.IsVisibleAsync(); moves++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(5));
            await page.WaitForTimeoutAsync(200);
        }

        await Expect(snackbar).ToBeHiddenAsync();
    }
}
