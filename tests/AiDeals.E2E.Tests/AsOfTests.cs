using System.Globalization;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>An analyst looks at a deal as it stood at the end of a day, then compares the last days, from the keyboard.</summary>
public sealed class AsOfTests(E2EFixture fixture)
{
    [Fact]
    public async Task DealAsOfADay_TypedInItsHistory_ShowsTheDealReadOnlyThenTheComparison()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await AccessibilityTests.LogInAsync(page, "analyst");
        var deals = await DealsPage.OpenAsync(page);
        await deals.WaitForDealsAsync(ArticleDeals.All);
        await page.GetByRole(AriaRole.Link, new() { Name = ArticleDeals.SoftBankOpenAiEquity, Exact = true }).ClickAsync();
        await DealDetailPage.WaitForAsync(page, ArticleDeals.SoftBankOpenAiEquity);
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^History") }).ClickAsync();

        // The deal book was seeded today: at the end of today the deal is as it is now.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = page.Locator("input[data-testid=as-of-day], [data-testid=as-of-day] input").First;
        await day.FillAsync(today);
        await day.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/deals/\d+\?asOf={today}$"));
        await Expect(page.GetByTestId("as-of-banner")).ToContainTextAsync("As it stood at the end of");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ArticleDeals.SoftBankOpenAiEquity);
        await Expect(page.GetByTestId("as-of-fields")).ToContainTextAsync("$15B–$25B");
        await Expect(page.GetByTestId("as-of-participants")).ToContainTextAsync(ArticleDeals.SoftBank);
        await Expect(page.GetByTestId("edit-deal")).ToHaveCountAsync(0);
        await Shoot(page, "deal-as-of");

        // The last seven days: the seeded deals were all added in them.
        await page.GotoAsync("history");
        await page.GetByTestId("history-compare").ClickAsync();
        await Expect(page.GetByTestId("compare-summary")).ToContainTextAsync("added");
        await Expect(page.GetByTestId("compare-added").GetByRole(AriaRole.Link, new() { Name = ArticleDeals.SoftBankOpenAiEquity, Exact = true })).ToBeVisibleAsync();
        await Shoot(page, "history-compare");
        Assert.Empty(session.PageErrors);
    }

    private static Task Shoot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(E2EFixture.ScreenshotFolder, name + ".png"),
        FullPage = true,
        Animations = ScreenshotAnimations.Disabled,
    });
}
