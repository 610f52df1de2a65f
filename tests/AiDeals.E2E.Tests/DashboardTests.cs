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

    [Fact]
    public async Task ActivityChart_ShowsItsFiguresAsATable_ThatAddUpToItsCaption()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        await DashboardPage.OpenAsync(page);
        var chart = page.GetByTestId("activity-chart");
        await Expect(chart.GetByRole(AriaRole.Img).First).ToHaveAttributeAsync("aria-label", new Regex("^Deals and market events by month: "));

        var table = chart.GetByTestId("activity-table");
        await Expect(table.GetByRole(AriaRole.Table)).Not.ToBeVisibleAsync();
        await table.GetByText("Show the figures as a table").ClickAsync();
        await Expect(table.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Month", "Deals", "Market events"]);

        // The caption says how many deals and events the months hold; the table's columns add up to the same.
        var caption = CaptionCounts().Match(await chart.GetByTestId("activity-caption").InnerTextAsync());
        Assert.True(caption.Success, "the caption gives its counts");
        var rows = table.Locator("tbody tr");
        var deals = 0;
        var events = 0;
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            deals += int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture);
            events += int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(int.Parse(caption.Groups["deals"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), deals);
        Assert.Equal(int.Parse(caption.Groups["events"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), events);
        await SaveScreenshotAsync(page, "dashboard-activity-table.png");
        Assert.Empty(session.PageErrors);
    }

    [GeneratedRegex(@"(?<deals>[\d,]+) of [\d,]+ deals, (?<events>[\d,]+) of [\d,]+ market events")]
    private static partial Regex CaptionCounts();

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
