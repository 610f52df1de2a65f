using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.Dashboard;

/// <summary>A bar: the figure its height shows, and what it says on hover (its exact figure).</summary>
public readonly record struct Bar(double Value, string Title);

/// <summary>The bars over one label of the axis (a month, an investor), one a series, in the series' order.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<Bar> Bars);

/// <summary>A series' name, for the legend, and its color (a CSS color: a theme variable follows light and dark).</summary>
public sealed record BarSeries(string Name, string Color);

/// <summary>
/// What a bar chart shows: its series, its groups of bars, how an axis tick reads (<paramref name="Tick"/>), the smallest
/// step between ticks (1 for counts) and whether the labels are slanted (long names, many bars).
/// </summary>
public sealed record BarChart(
    IReadOnlyList<BarSeries> Series,
    IReadOnlyList<BarGroup> Groups,
    Func<double, string> Tick,
    double MinStep = 0,
    bool SlantedLabels = false);

/// <summary>
/// A bar chart as HTML, built once as one string when its figures change: a circuit keeps it as a single frame of its
/// page, where a <c>MudChart</c> kept eight components, three event handlers a bar and a size observer through JS interop.
/// The bars are flex columns whose heights are shares of the plot's (no measuring of the box: they stay right when it
/// is resized); the axis labels are text, so they never stretch. Styles: wwwroot/charts.css.
/// </summary>
public static class BarChartMarkup
{
    /// <summary>The chart of <paramref name="chart"/>: ticks, gridlines, bars with a title each, labels and legend.</summary>
    public static MarkupString Of(BarChart chart)
    {
        var max = chart.Groups.SelectMany(g => g.Bars).Select(b => b.Value).DefaultIfEmpty(0).Max();
        var (step, ticks) = Scale(max, chart.MinStep);
        var top = step * ticks;
        var html = new StringBuilder(1024 + (chart.Groups.Count * 320));

        html.Append("""<div class="bar-chart"><div class="bar-chart-y" aria-hidden="true">""");
        for (var i = 0; i <= ticks; i++)
        {
            html.Append("<span>").Append(Encode(chart.Tick(i * step))).Append("</span>");
        }

        html.Append("""</div><div class="bar-chart-plot"><div class="bar-chart-grid">""");
        for (var i = 0; i <= ticks; i++)
        {
            html.Append("<i></i>");
        }

        html.Append("""</div><div class="bar-chart-bars">""");
        foreach (var group in chart.Groups)
        {
            html.Append("""<div class="bar-chart-group">""");
            for (var s = 0; s < group.Bars.Count; s++)
            {
                var bar = group.Bars[s];
                var color = chart.Series.Count == 0 ? "currentColor" : chart.Series[s % chart.Series.Count].Color;
                html.Append(CultureInfo.InvariantCulture, $"""<div class="bar-chart-bar" style="height:{Percent(bar.Value, top)};background:{Encode(color)}" title="{Encode(bar.Title)}"></div>""");
            }

            html.Append("</div>");
        }

        html.Append("</div></div>")
            .Append(chart.SlantedLabels ? """<div class="bar-chart-x bar-chart-x-slanted" aria-hidden="true">""" : """<div class="bar-chart-x" aria-hidden="true">""");
        foreach (var group in chart.Groups)
        {
            html.Append("<span><span>").Append(Encode(group.Label)).Append("</span></span>");
        }

        html.Append("""</div></div><div class="bar-chart-legend" aria-hidden="true">""");
        foreach (var series in chart.Series)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<span><i style="background:{Encode(series.Color)}"></i>{Encode(series.Name)}</span>""");
        }

        return new MarkupString(html.Append("</div>").ToString());
    }

    /// <summary>
    /// The step between the axis's ticks, a round one (1, 2 or 5 times a power of ten, never below
    /// <paramref name="minStep"/>) that gives about four, and how many steps reach at or above <paramref name="max"/>.
    /// </summary>
    internal static (double Step, int Ticks) Scale(double max, double minStep)
    {
        var rough = Math.Max(max / 4, minStep);
        if (rough <= 0 || double.IsNaN(rough))
        {
            return (1, 1);
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        // A hair under, so that a rough step of exactly 20 stays 20 however the division rounded.
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough * (1 - 1e-9));
        var ticks = (int)Math.Max(1, Math.Ceiling((max / step) - 1e-9));
        return (step, ticks);
    }

    // A share of the plot's height, as CSS wants it; a bar above nothing is 0%, one of a figure however small shows.
    private static string Percent(double value, double top) =>
        value <= 0 || top <= 0
            ? "0%"
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(Math.Round(value / top * 100, 2), 0.5):0.##}%");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
