using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.Dashboard;

/// <summary>
/// The last markup each dashboard chart built, handed to the next circuit that builds the same: every open dashboard
/// shows the same figures, and each circuit would otherwise keep its own copy of the same few kilobytes of SVG or HTML
/// (it reads its figures from the page's persisted state, so they are equal, not the same objects). One string a chart:
/// a change of the figures replaces it.
/// </summary>
public static class SharedMarkup
{
    private static readonly ConcurrentDictionary<string, string> Last = new(StringComparer.Ordinal);

    /// <summary><paramref name="built"/>, or the equal string the chart named <paramref name="chart"/> built last.</summary>
    public static MarkupString Share(string chart, MarkupString built)
    {
        var value = built.Value;
        if (Last.TryGetValue(chart, out var last) && string.Equals(last, value, StringComparison.Ordinal))
        {
            return new MarkupString(last);
        }

        Last[chart] = value;
        return built;
    }
}
