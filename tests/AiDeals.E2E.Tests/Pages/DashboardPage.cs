using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests.Pages;

/// <summary>The dashboard at <c>/</c>: the deal count and tracked-capital tiles.</summary>
public sealed class DashboardPage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 });

    public ILocator DealCountTile => page.GetByTestId("deal-count-tile");

    public ILocator CapitalTile => page.GetByTestId("capital-tile");

    public ILocator BrowseDealsLink => page.GetByRole(AriaRole.Link, new() { Name = "Browse deals" });

    /// <summary>Opens <c>/</c> and waits until the tiles are shown and the page has settled.</summary>
    public static async Task<DashboardPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(string.Empty);
        var dashboard = new DashboardPage(page);
        await Expect(dashboard.DealCountTile).ToBeVisibleAsync();

        // The tiles are prerendered, then rendered again once the circuit connects; let that happen before reading them.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(dashboard.DealCountTile).ToBeVisibleAsync();
        return dashboard;
    }
}
