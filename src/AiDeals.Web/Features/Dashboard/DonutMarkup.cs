using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.Dashboard;

/// <summary>
/// A donut drawn as the SVG MudBlazor's donut chart draws (its classes, its 280-unit square, a ring from radius 105 to
/// 140, slices clockwise from the top), built once as one string: a circuit keeps it as a single frame of its page,
/// where a <c>MudChart</c> kept seven components, their render trees and three event handlers a slice. Each slice says
/// its label and count on hover (its SVG title).
/// </summary>
public static class DonutMarkup
{
    private const double Outer = 140;
    private const double Inner = 105;

    // The hover filter MudBlazor's stylesheet points slices at (.mud-chart-serie:hover { filter: url(#lighten) }).
    private const string Lighten = """<filter id="lighten"><feColorMatrix type="matrix" values="1.5   0   0   0   0   0   1.5   0   0   0   0   0   1.5   0   0   0   0   0   1   0"></feColorMatrix></filter>""";

    /// <summary>The donut of <paramref name="slices"/>, colored in turn by <paramref name="palette"/>, <paramref name="size"/> wide and high.</summary>
    public static MarkupString Of(IReadOnlyList<DealMixSlice> slices, IReadOnlyList<string> palette, string size = "180px")
    {
        var svg = new StringBuilder(512 + (slices.Count * 256));
        var attributeSize = WebUtility.HtmlEncode(size);
        svg.Append(CultureInfo.InvariantCulture, $"""<div class="mud-chart mud-chart-legend-bottom" style="width: {attributeSize}; height: {attributeSize};" dir="ltr"><div class="mud-chart mud-chart-legend-bottom">""")
            .Append(CultureInfo.InvariantCulture, $"""<svg class="mud-chart-donut mud-ltr" width="{attributeSize}" height="{attributeSize}" viewBox="0 0 280 280">""")
            .Append(Lighten)
            .Append("""<g transform="translate(140, 140)">""");

        double total = slices.Sum(s => Math.Max(s.Count, 0));
        var start = 0d;
        for (var i = 0; i < slices.Count && total > 0; i++)
        {
            var share = Math.Max(slices[i].Count, 0) / total;
            if (share <= 0)
            {
                continue;
            }

            var color = WebUtility.HtmlEncode(palette.Count == 0 ? "currentColor" : palette[i % palette.Count]);
            var end = start + share;
            svg.Append(CultureInfo.InvariantCulture, $"""<path class="mud-chart-serie" fill-opacity="1" stroke="{color}" stroke-width="0" fill="{color}" d="{Ring(start, end)}" pointer-events="all">""")
                .Append("<title>").Append(WebUtility.HtmlEncode(slices[i].Label)).Append(": ").Append(DashboardFormat.Count(slices[i].Count)).Append("</title></path>");
            start = end;
        }

        return new MarkupString(svg.Append("</g></svg></div></div>").ToString());
    }

    /// <summary>The ring's part from one share of the turn to another (0 is the top, 1 the whole turn), as a path.</summary>
    internal static string Ring(double from, double to)
    {
        // A whole ring's arc would end where it starts, which draws nothing: it is drawn as two halves.
        if (to - from >= 0.9999)
        {
            return Ring(from, from + 0.5) + " " + Ring(from + 0.5, from + 1);
        }

        var large = to - from > 0.5 ? 1 : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"M {X(Outer, from)} {Y(Outer, from)} A {Outer} {Outer} 0 {large} 1 {X(Outer, to)} {Y(Outer, to)} L {X(Inner, to)} {Y(Inner, to)} A {Inner} {Inner} 0 {large} 0 {X(Inner, from)} {Y(Inner, from)} Z");
    }

    private static string X(double radius, double turn) => Number(radius * Math.Sin(turn * 2 * Math.PI));

    private static string Y(double radius, double turn) => Number(-radius * Math.Cos(turn * 2 * Math.PI));

    // Four decimals, as MudBlazor writes them; a rounded -0 is written 0.
    private static string Number(double value) => (Math.Round(value, 4) + 0d).ToString("0.####", CultureInfo.InvariantCulture);
}
