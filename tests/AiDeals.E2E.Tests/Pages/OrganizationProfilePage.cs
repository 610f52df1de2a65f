using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests.Pages;

/// <summary>An organization's profile at <c>/organizations/{slug}</c>: its valuation chart and table.</summary>
public sealed class OrganizationProfilePage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Description => page.GetByTestId("organization-description");

    /// <summary>Edit, Merge… and Delete: shown to analysts only.</summary>
    public ILocator Actions => page.GetByTestId("organization-actions");

    public ILocator ValuationChart => page.GetByTestId("valuation-chart");

    /// <summary>The drawn series of the valuation chart: its line path and its data points.</summary>
    public ILocator ValuationLine => ValuationChart.Locator("svg path.mud-chart-line");

    public ILocator ValuationPoints => ValuationChart.Locator("svg circle.mud-chart-point");

    public ILocator ValuationRows => page.GetByTestId("valuation-table").Locator("tbody tr");

    public static async Task<OrganizationProfilePage> OpenAsync(IPage page, string slug, string name)
    {
        await page.GotoAsync("organizations/" + slug);
        var profile = new OrganizationProfilePage(page);
        await Expect(profile.Heading).ToHaveTextAsync(name);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return profile;
    }
}
