using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests.Pages;

/// <summary>A deal's page at <c>/deals/{id}</c>: its heading, its tabs and the quotes under "Evidence".</summary>
public sealed class DealDetailPage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Amount => page.GetByTestId("deal-amount");

    public ILocator Quotes => page.Locator("blockquote");

    /// <summary>Waits until the deal with this title is shown.</summary>
    public static async Task<DealDetailPage> WaitForAsync(IPage page, string title)
    {
        var detail = new DealDetailPage(page);
        await Expect(detail.Heading).ToHaveTextAsync(title);

        // The page is prerendered, then rendered again once the circuit connects; tabs answer clicks only after that.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return detail;
    }

    /// <summary>Opens the "Evidence (n)" tab, clicking again if the click landed before the circuit was wired up.</summary>
    public async Task OpenEvidenceAsync()
    {
        var evidence = page.GetByRole(AriaRole.Tab).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Evidence") });
        for (var attempt = 1; ; attempt++)
        {
            await evidence.ClickAsync();
            try
            {
                await Expect(Quotes.First).ToBeVisibleAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }
}
