using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>
/// An analyst pastes the seed article into an empty AiDeals, accepts every proposal but one, saves, and the dashboard
/// shows the seeded one's figures; pasting it again offers the stored deals as updates, never as duplicates.
/// </summary>
public sealed class IntakeTests(E2EFixture fixture, EmptyServerFixture empty) : IClassFixture<EmptyServerFixture>
{
    private static readonly string Article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed-data", "article.txt"));

    [Fact]
    public async Task SeedArticle_AcceptedIntoAnEmptyDatabase_GivesTheSeededDashboard_AndASecondReadingOffersUpdates()
    {
        await using var session = await fixture.OpenSessionAsync(empty.BaseAddress);
        var page = session.Page;
        await page.GotoAsync("account/login?returnUrl=%2Fintake");
        await new LoginPage(page).LogInAsync(DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "News intake", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var cards = await ReadArticleAsync(page);
        await Shoot(page, "intake-proposals-light");
        Assert.Equal(0, await page.GetByTestId("intake-update").CountAsync());

        await page.GetByTestId("intake-accept-all").ClickAsync();
        var release = cards.Filter(new() { HasText = "DeepSeek released" });
        await release.GetByTestId("intake-reject").ClickAsync();
        await Expect(release.GetByTestId("intake-decision")).ToHaveTextAsync("Rejected");
        await page.GetByTestId("intake-save").ClickAsync();
        await Expect(page.GetByTestId("intake-saved")).ToBeVisibleAsync();

        // The article's deal book seeded into an empty database shows this capital (docs/architecture.md derives it); the
        // shared seeded app is not the reference, as other tests add, edit and delete its deals.
        var filled = await (await DashboardPage.OpenAsync(page)).CapitalTile.InnerTextAsync();
        Assert.Equal(Figures(ArticleDeals.SeededCapital), Figures(filled));

        await page.GotoAsync("events");
        await Expect(page.GetByText("Nvidia market value drops", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText("DeepSeek released its R1").CountAsync());

        await page.GotoAsync("intake");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        cards = await ReadArticleAsync(page);
        var deals = cards.Filter(new() { Has = page.GetByText("Deal", new() { Exact = true }) });
        Assert.Equal(await deals.CountAsync(), await page.GetByTestId("intake-update").CountAsync());
        Assert.True(await deals.CountAsync() >= 5);
        await Shoot(page, "intake-updates-light");
        Assert.Empty(session.PageErrors);
    }

    /// <summary>The cards beside the article, read in the seeded app (a reading saves nothing): no WCAG violation, either theme.</summary>
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Proposals_HaveNoWcagViolation(string theme)
    {
        await using var session = await fixture.OpenSessionAsync(theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = session.Page;
        await AccessibilityTests.LogInAsync(page, "analyst");
        await page.GotoAsync("intake");
        await AccessibilityTests.ReadyAsync(page, theme);

        await ReadArticleAsync(page);
        await Expect(page.GetByTestId("intake-update").First).ToBeVisibleAsync();
        await Shoot(page, $"intake-seeded-{theme}");

        var violations = await AccessibilityTests.ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"/intake with proposals ({theme}):\n{violations}");
    }

    private static async Task<ILocator> ReadArticleAsync(IPage page)
    {
        await Field(page, "intake-title", "input").FillAsync("SoftBank Plans $25 Billion OpenAI Investment");
        var date = Field(page, "intake-date", "input");
        await date.FillAsync("2025-01-31");
        await date.PressAsync("Tab");
        await Field(page, "intake-text", "textarea").FillAsync(Article);
        await page.GetByTestId("intake-find").ClickAsync();
        var cards = page.GetByTestId("intake-card");
        await Expect(cards.First).ToBeVisibleAsync();
        return cards;
    }

    // MudBlazor puts a field's attributes on its input, a picker's on its wrapper: either way, the input.
    private static ILocator Field(IPage page, string testId, string tag) =>
        page.Locator($"{tag}[data-testid={testId}], [data-testid={testId}] {tag}").First;

    // The tile's figures, whatever words surround them ("$146B–$556B").
    private static string Figures(string tile) => string.Concat(tile.Where(c => char.IsDigit(c) || c is '$' or '–' or 'B'));

    private static Task Shoot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(E2EFixture.ScreenshotFolder, name + ".png"),
        FullPage = false,
        Animations = ScreenshotAnimations.Disabled,
    });
}
