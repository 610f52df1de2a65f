using AiDeals.Web.Features.Dashboard;
using AiDeals.Web.Tests.Support;
using Bunit;

namespace AiDeals.Web.Tests.Features.Dashboard;

/// <summary>The dashboard of an app started with seeding turned off, before any analyst adds a deal.</summary>
public sealed class HomeWithoutDealsTests(EmptyDatabase database) : MudBunitContext(database), IClassFixture<EmptyDatabase>
{
    [Fact]
    public void Render_EmptyDatabase_ShowsEmptyStateInsteadOfTiles()
    {
        var cut = RenderPage<Home>();

        cut.WaitForAssertion(() => Assert.Contains("No deals are tracked yet.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=deal-count-tile]"));
        Assert.Empty(cut.FindAll("[data-testid=capital-tile]"));
        Assert.Empty(cut.FindAll("[data-testid=largest-deal-tile]"));
        Assert.Empty(cut.FindAll("[data-testid=investors-tile]"));
        Assert.Empty(cut.FindAll(".bar-chart, [data-testid=activity-chart], [data-testid=status-chart]"));
    }

    [Fact]
    public void Render_EmptyDatabase_SaysHowDealsGetIn()
    {
        var cut = RenderPage<Home>();

        var alert = cut.WaitForElement("[data-testid=no-deals]");
        Assert.Contains("Add the first deal as an analyst", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Seed:DealBook", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyDatabase_ValuationTileSaysThereIsNoneYet()
    {
        var cut = RenderPage<Home>();

        var tile = cut.WaitForElement("[data-testid=valuation-tile]");
        Assert.Contains("No valuation is recorded yet.", tile.TextContent, StringComparison.Ordinal);
        Assert.Equal("/valuations", tile.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Render_EmptyDatabase_FeedSaysThereAreNoChangesYet()
    {
        var cut = RenderPage<Home>();

        var empty = cut.WaitForElement("[data-testid=recent-changes-empty]");
        Assert.StartsWith("No changes yet.", empty.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=recent-change]"));
    }
}
