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
        // Clicked once the circuit is up: a click while it starts races the enhanced navigation against the first render.
        await page.GotoAsync("history");
        await Interactive(page);
        await page.GetByTestId("history-compare").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/history/compare$"));
        await Expect(page.GetByTestId("compare-summary")).ToContainTextAsync("added");
        await Expect(page.GetByTestId("compare-added").GetByRole(AriaRole.Link, new() { Name = ArticleDeals.SoftBankOpenAiEquity, Exact = true })).ToBeVisibleAsync();
        await Shoot(page, "history-compare");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task DashboardOfAPastDay_PickedFromTheKeyboard_LeadsToTheDealListOfThatDay()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await AccessibilityTests.LogInAsync(page, "analyst");
        await page.GotoAsync("");
        await Interactive(page);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The deal book was seeded today: yesterday the database had no deal.
        var day = page.GetByTestId("dashboard-past").Locator("input[data-testid=as-of-day], [data-testid=as-of-day] input").First;
        await day.FillAsync(yesterday);
        await day.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/\?asOf={yesterday}$"));
        await Expect(page.GetByTestId("as-of-banner")).ToContainTextAsync("read-only. Its links open the deal list");
        await Expect(page.GetByTestId("no-deals")).ToBeVisibleAsync();
        await Interactive(page);

        // Another day from the banner: at the end of today, the seeded deals; a status chip opens the list of that day.
        day = page.GetByTestId("as-of-banner").Locator("input[data-testid=as-of-day], [data-testid=as-of-day] input").First;
        await day.FillAsync(today);
        await day.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/\?asOf={today}$"));
        await Expect(page.GetByTestId("deal-count-tile")).ToBeVisibleAsync();
        await Shoot(page, "dashboard-as-of");
        await page.GetByTestId("status-tile").GetByRole(AriaRole.Link).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/deals\?status=\w+&asOf={today}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Deals as of "));
        await Expect(page.Locator(".deal-title-link a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($@"^/deals/\d+\?asOf={today}$"));
        await Expect(page.GetByTestId("new-deal")).ToHaveCountAsync(0);
        await Shoot(page, "deals-as-of");
        await page.GetByTestId("as-of-today").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/deals\?status=\w+$"));
        await Expect(page.GetByTestId("new-deal")).ToBeVisibleAsync();
        Assert.Empty(session.PageErrors);
    }

    // Typing before the circuit takes the page over is lost to its first render (see DealsPage.WaitUntilInteractiveAsync).
    private static Task Interactive(IPage page) => Expect(page.Locator("[data-theme='light'], [data-theme='dark']")).ToHaveCountAsync(1);

    private static Task Shoot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(E2EFixture.ScreenshotFolder, name + ".png"),
        FullPage = true,
        Animations = ScreenshotAnimations.Disabled,
    });
}
