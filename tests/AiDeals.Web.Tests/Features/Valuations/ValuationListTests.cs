using AiDeals.Web.Features.Valuations;
using AiDeals.Web.Tests.Support;
using Bunit;

namespace AiDeals.Web.Tests.Features.Valuations;

public sealed class ValuationListTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    [Fact]
    public void Render_Seeded_ListsOpenAisValuationLinkingToItsProfile()
    {
        var cut = RenderPage<ValuationList>();

        cut.WaitForAssertion(() => Assert.Equal("1 valuation", cut.Find("[data-testid=valuation-count]").TextContent.Trim()));
        // The rows come after the count on an engine whose reads are truly asynchronous (PostgreSQL).
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr.mud-table-row")));
        var row = Assert.Single(cut.FindAll("tbody tr.mud-table-row"));
        Assert.Equal(["OpenAI", "Oct 2024", "$157B", "Post-money", "—"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("/organizations/openai", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(4, cut.FindAll(".mud-table-sort-label").Count);
    }
}
