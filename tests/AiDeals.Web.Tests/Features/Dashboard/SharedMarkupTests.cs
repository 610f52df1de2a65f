using AiDeals.Web.Features.Dashboard;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Tests.Features.Dashboard;

/// <summary>Dashboards showing the same figures keep one string of each chart's markup between them.</summary>
public sealed class SharedMarkupTests
{
    [Fact]
    public void Share_EqualMarkupBuiltAgain_ReturnsTheStringBuiltFirst()
    {
        var chart = "test-" + Guid.NewGuid();
        var first = SharedMarkup.Share(chart, new MarkupString(Built("<b>6 deals</b>")));

        var again = SharedMarkup.Share(chart, new MarkupString(Built("<b>6 deals</b>")));

        Assert.Same(first.Value, again.Value);
    }

    [Fact]
    public void Share_OtherFiguresOrAnotherChart_KeepTheirOwnMarkup()
    {
        var chart = "test-" + Guid.NewGuid();
        SharedMarkup.Share(chart, new MarkupString(Built("<b>6 deals</b>")));

        var changed = SharedMarkup.Share(chart, new MarkupString(Built("<b>7 deals</b>")));
        var other = SharedMarkup.Share("other-" + chart, new MarkupString(Built("<b>7 deals</b>")));

        Assert.Equal("<b>7 deals</b>", changed.Value);
        Assert.NotSame(changed.Value, other.Value);
        // The chart's figures changed: the next circuit with them shares the new markup.
        Assert.Same(changed.Value, SharedMarkup.Share(chart, new MarkupString(Built("<b>7 deals</b>"))).Value);
    }

    // A string built at run time, as the charts build theirs (literals would be one interned string already).
    private static string Built(string text) => new(text.AsSpan());
}
