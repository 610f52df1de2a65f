using System.Globalization;
using AiDeals.Web.Features.Dashboard;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AiDeals.Web.Tests.Features.Dashboard;

/// <summary>The dashboard's bar charts as HTML: ticks at round steps, bars as shares of the top tick, a title a bar.</summary>
public sealed class BarChartMarkupTests
{
    private static readonly BarSeries[] TwoSeries = [new("Deals", "var(--mud-palette-primary)"), new("Events", "#ff9800")];

    [Theory]
    [InlineData(56, 0.1, 20, 3)] // the article's SoftBank, $56B: $0B, $20B, $40B, $60B
    [InlineData(11_120, 0.1, 5_000, 3)] // $11.12T at 1M deals: up to $15T
    [InlineData(40, 1, 10, 4)]
    [InlineData(3, 1, 1, 3)] // counts never step by less than one
    [InlineData(0, 1, 1, 1)] // nothing to show: an axis from 0 to 1
    [InlineData(0.05, 0.1, 0.1, 1)]
    public void Scale_Maximum_RoundStepAndTicksThatReachIt(double max, double minStep, double step, int ticks)
    {
        var scale = BarChartMarkup.Scale(max, minStep);

        Assert.Equal(step, scale.Step, 9);
        Assert.Equal(ticks, scale.Ticks);
    }

    [Fact]
    public void Of_Figures_BarHeightsAreTheirSharesOfTheTopTick()
    {
        var chart = Parse(new BarChart(
            TwoSeries,
            [new BarGroup("Jan", [new Bar(10, "a"), new Bar(0, "b")]), new BarGroup("Feb", [new Bar(40, "c"), new Bar(0.1, "d")])],
            v => v.ToString("0", CultureInfo.InvariantCulture),
            MinStep: 1));

        Assert.Equal(["0", "10", "20", "30", "40"], chart.QuerySelectorAll(".bar-chart-y span").Select(s => s.TextContent));
        Assert.Equal(5, chart.QuerySelectorAll(".bar-chart-grid i").Length);
        // The top tick is 40: 10 is a quarter of the plot, 40 all of it; 0 draws nothing and 0.1 a sliver that shows.
        Assert.Equal(["height:25%", "height:0%", "height:100%", "height:0.5%"], chart.QuerySelectorAll(".bar-chart-bar").Select(Height));
        Assert.Equal(["Jan", "Feb"], chart.QuerySelectorAll(".bar-chart-x > span").Select(s => s.TextContent));
    }

    [Fact]
    public void Of_Series_ColorTheirBarsAndTheLegendInOrder()
    {
        var chart = Parse(new BarChart(TwoSeries, [new BarGroup("Jan", [new Bar(1, "a"), new Bar(2, "b")])], v => v.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(
            ["background:var(--mud-palette-primary)", "background:#ff9800"],
            chart.QuerySelectorAll(".bar-chart-bar").Select(b => b.GetAttribute("style")!.Split(';')[1]));
        Assert.Equal(["Deals", "Events"], chart.QuerySelectorAll(".bar-chart-legend span").Select(s => s.TextContent));
        Assert.Equal("background:#ff9800", chart.QuerySelectorAll(".bar-chart-legend i")[1].GetAttribute("style"));
    }

    [Fact]
    public void Of_TitlesAndLabels_AreEscaped()
    {
        var markup = BarChartMarkup.Of(new BarChart(
            TwoSeries,
            [new BarGroup("<R&D>", [new Bar(1, "\"R&D\": 1 deal")])],
            v => v.ToString(CultureInfo.InvariantCulture))).Value;

        Assert.Contains("title=\"&quot;R&amp;D&quot;: 1 deal\"", markup, StringComparison.Ordinal);
        Assert.Contains("<span><span>&lt;R&amp;D&gt;</span></span>", markup, StringComparison.Ordinal);
        Assert.Equal("\"R&D\": 1 deal", Parse(markup).QuerySelector(".bar-chart-bar")!.GetAttribute("title"));
    }

    [Fact]
    public void Of_SlantedLabels_MarksTheAxisSoItsLabelsSlant()
    {
        var chart = new BarChart(TwoSeries, [new BarGroup("Nova AI 2", [new Bar(1, "a")])], v => v.ToString(CultureInfo.InvariantCulture));

        Assert.Null(Parse(chart).QuerySelector(".bar-chart-x-slanted"));
        Assert.NotNull(Parse(chart with { SlantedLabels = true }).QuerySelector(".bar-chart-x-slanted"));
    }

    private static string Height(IElement bar) => bar.GetAttribute("style")!.Split(';')[0];

    private static IElement Parse(BarChart chart) => Parse(BarChartMarkup.Of(chart).Value);

    private static IElement Parse(string markup) => new HtmlParser().ParseDocument("<body>" + markup + "</body>").Body!;
}
