using AiDeals.Web.Features.MarketEvents;
using AiDeals.Web.Tests.Support;
using Bunit;

namespace AiDeals.Web.Tests.Features.MarketEvents;

public sealed class MarketEventListTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private const string NvidiaDrop = "Nvidia loses nearly $589 billion of market value in a day";

    [Fact]
    public void Render_Seeded_ListsEveryEventLatestFirst()
    {
        var cut = RenderPage<MarketEventList>();

        cut.WaitForAssertion(() => Assert.Equal("5 events", cut.Find("[data-testid=event-count]").TextContent.Trim()));
        // The rows come after the count on an engine whose reads are truly asynchronous (PostgreSQL).
        cut.WaitForAssertion(() => Assert.Equal(
            ["29 Jan 2025", "27 Jan 2025", "21 Jan 2025", "20 Jan 2025", "Dec 2024"],
            cut.FindAll("tbody tr.mud-table-row").Select(r => r.QuerySelector("td")!.TextContent.Trim())));
    }

    [Fact]
    public void Render_NvidiaDrop_ShowsTheSignedAmountAndLinksItsOrganizations()
    {
        var cut = RenderPage<MarketEventList>();

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("tbody tr.mud-table-row").Count));
        var row = cut.FindAll("tbody tr.mud-table-row").Single(r => r.TextContent.Contains(NvidiaDrop, StringComparison.Ordinal));
        Assert.Equal("-$589B", row.QuerySelectorAll("td")[^1].TextContent.Trim());
        Assert.Equal(
            ["/organizations/deepseek", "/organizations/nvidia"],
            row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void SortByAmount_Clicked_PutsTheEventWithAFigureFirst()
    {
        var cut = RenderPage<MarketEventList>();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("tbody tr.mud-table-row").Count));

        cut.FindAll(".mud-table-sort-label").Single(l => l.TextContent.Trim() == "Amount").Click();

        cut.WaitForAssertion(() => Assert.Contains(NvidiaDrop, cut.FindAll("tbody tr.mud-table-row")[0].TextContent, StringComparison.Ordinal));
    }
}
