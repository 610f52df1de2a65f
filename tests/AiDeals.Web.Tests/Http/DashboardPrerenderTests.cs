using System.Net;
using System.Text.RegularExpressions;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>
/// The dashboard as the browser first receives it: the bar charts are drawn in the server-rendered HTML as they stay (their
/// bars' heights are shares of the plot's), not left empty until the circuit has measured their boxes.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed partial class DashboardPrerenderTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetDashboard_BeforeTheCircuitIsUp_DrawsTheBarChartsBars()
    {
        var response = await _client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Capital by investor: SoftBank's low and high, each a bar of some height.
        var capital = Section(html, "investor-capital-chart");
        Assert.Equal(2, Bars().Matches(capital).Count(bar => Height(bar) > 0));
        Assert.Contains("$60B", capital, StringComparison.Ordinal);
        Assert.Contains("SoftBank Group", capital, StringComparison.Ordinal);
        // Activity: the months with deals or events have bars of some height.
        Assert.Contains(Bars().Matches(Section(html, "activity-chart")), bar => Height(bar) > 0);
    }

    // From the element with the test id to the next chart's (or to the page's end).
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId} in the page");
        var next = ChartTestId().Match(html, start + testId.Length + 14);
        return html[start..(next.Success ? next.Index : html.Length)];
    }

    [GeneratedRegex("data-testid=\"[a-z-]+-chart\"")]
    private static partial Regex ChartTestId();

    private static double Height(Match bar) => double.Parse(bar.Groups["height"].Value, System.Globalization.CultureInfo.InvariantCulture);

    // A bar: its height as a share of the plot's.
    [GeneratedRegex("<div class=\"bar-chart-bar\" style=\"height:(?<height>[\\d.]+)%")]
    private static partial Regex Bars();
}
