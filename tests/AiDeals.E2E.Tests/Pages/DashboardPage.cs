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

        // The tiles are prerendered, then rendered again once the circuit connects, which replaces the prerendered markup
        // (a <details> opened before that closes again); the layout's theme attribute leaves "pending" on the first
        // interactive render, which network quiet alone does not say. Let that happen before reading or clicking.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("[data-theme='light'], [data-theme='dark']")).ToHaveCountAsync(1);
        await Expect(dashboard.DealCountTile).ToBeVisibleAsync();
        return dashboard;
    }
}
