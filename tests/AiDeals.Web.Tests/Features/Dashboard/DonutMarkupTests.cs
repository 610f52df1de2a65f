using AiDeals.Web.Features.Dashboard;

namespace AiDeals.Web.Tests.Features.Dashboard;

/// <summary>The dashboard's donuts as SVG markup, drawn as MudBlazor's donut chart draws them.</summary>
public sealed class DonutMarkupTests
{
    [Fact]
    public void Of_Slices_AreRingPathsClockwiseFromTheTopInThePalettesColors()
    {
        var markup = DonutMarkup.Of(
            [new DealMixSlice("Rumored", 100_120, "/deals?status=Rumored"), new DealMixSlice("In talks", 899_880, "/deals?status=InTalks")],
            ["#9e9e9e", "#ff9800"]).Value;

        // MudChart's path for a first slice of 10.012 % (taken from its prerendered donut on the 1M database).
        Assert.Contains("""fill="#9e9e9e" d="M 0 -140 A 140 140 0 0 1 82.3753 -113.2003 L 61.7815 -84.9002 A 105 105 0 0 0 0 -105 Z""", markup, StringComparison.Ordinal);
        Assert.Contains("""fill="#ff9800" d="M 82.3753 -113.2003 A 140 140 0 1 1""", markup, StringComparison.Ordinal);
        Assert.Contains("<title>In talks: 899,880</title>", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_OneSliceOnly_DrawsTheWholeRingAndSkipsEmptySlices()
    {
        var markup = DonutMarkup.Of([new DealMixSlice("Grant", 0, "/g"), new DealMixSlice("Debt", 7, "/d")], ["#111111", "#222222"]).Value;

        Assert.DoesNotContain("#111111", markup, StringComparison.Ordinal);
        // An arc that ends where it starts draws nothing: the whole ring is two halves, top to bottom and back.
        Assert.Contains("M 0 -140 A 140 140 0 0 1 0 140", markup, StringComparison.Ordinal);
        Assert.Contains("M 0 140 A 140 140 0 0 1 0 -140", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_Labels_AreEscaped()
    {
        var markup = DonutMarkup.Of([new DealMixSlice("<b>R&D</b>", 1, "/x")], ["#000"]).Value;

        Assert.Contains("<title>&lt;b&gt;R&amp;D&lt;/b&gt;: 1</title>", markup, StringComparison.Ordinal);
    }
}
