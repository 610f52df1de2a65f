using System.Text.RegularExpressions;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>The dashboard in a real browser, and screenshots of the main views for people to look at.</summary>
public sealed partial class DashboardTests(E2EFixture fixture)
{
    [Fact]
    public async Task Dashboard_WithTheArticleSeeded_ShowsSixDealsAndTrackedCapital()
    {
        await using var session = await fixture.OpenSessionAsync();
        var dashboard = await DashboardPage.OpenAsync(session.Page);

        await Expect(dashboard.Heading).ToBeVisibleAsync();
        await Expect(dashboard.DealCountTile).ToHaveTextAsync("6");
        await Expect(dashboard.CapitalTile).ToHaveTextAsync(DollarFigure());
        await Expect(dashboard.BrowseDealsLink).ToBeVisibleAsync();

        await SaveScreenshotAsync(session.Page, "dashboard.png");

        var deals = await DealsPage.OpenAsync(session.Page, $"?investor={ArticleDeals.SoftBankSlug}");
        await deals.WaitForDealsAsync(ArticleDeals.WithSoftBank);
        await Expect(deals.DealCount).ToHaveTextAsync("5 deals");
        await SaveScreenshotAsync(session.Page, "deals-softbank.png");

        Assert.Empty(session.PageErrors);
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(E2EFixture.ScreenshotFolder);
        var path = Path.Combine(E2EFixture.ScreenshotFolder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        Assert.True(new FileInfo(path).Length > 0, $"The screenshot {path} is empty.");
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {path}");
    }

    // A dollar figure such as "$31B–$41B" or "$16B".
    [GeneratedRegex(@"\$\d")]
    private static partial Regex DollarFigure();
}
