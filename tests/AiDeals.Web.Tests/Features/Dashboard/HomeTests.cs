using AiDeals.Core.Domain;
using AiDeals.Web.Features.Dashboard;
using AiDeals.Web.Tests.Support;
using Bunit;

namespace AiDeals.Web.Tests.Features.Dashboard;

public sealed class HomeTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    [Fact]
    public void Render_SeededDatabase_ShowsDealCount()
    {
        var cut = RenderPage<Home>();

        var tile = cut.WaitForElement("[data-testid=deal-count-tile]");
        Assert.Equal(SeedData.ReadDeals().Count.ToString(System.Globalization.CultureInfo.InvariantCulture), tile.TextContent.Trim());
        Assert.Equal("6", tile.TextContent.Trim());
    }

    [Fact]
    public void Render_SeededDatabase_ShowsCapitalOfLeafDealsOnly()
    {
        // Leaves are the deals no other deal names as parent: the umbrella "more than $40B" is counted through its
        // two parts ($15B–$25B and $15B), and an undisclosed amount adds nothing.
        var deals = SeedData.ReadDeals();
        var parents = deals.Select(d => d.OptionalText("parent")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var leaves = deals.Where(d => !parents.Contains(d.Text("key"))).Select(d => d["amount"]).ToList();
        var low = leaves.Sum(a => a.Long("low") ?? 0);
        var high = leaves.Sum(a => a.Long("high") ?? a.Long("low") ?? 0);
        var expected = AmountRange.Format(low) + "–" + AmountRange.Format(high);

        var cut = RenderPage<Home>();

        var tile = cut.WaitForElement("[data-testid=capital-tile]");
        Assert.Equal(expected, tile.TextContent.Trim());
        Assert.Equal("$146B–$556B", expected);
        Assert.Contains("Plus 1 deal with an undisclosed amount.", cut.Markup, StringComparison.Ordinal);
    }
}
