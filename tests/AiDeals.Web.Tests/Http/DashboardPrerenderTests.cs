using System.Net;
using System.Text.RegularExpressions;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>
/// The dashboard as the browser first receives it: the bar charts are drawn in the server-rendered HTML (at the chart's
/// own size), not left empty until the circuit has measured their boxes.
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
        Assert.Equal(2, Bars().Matches(capital).Count(bar => bar.Groups["from"].Value != bar.Groups["to"].Value));
        Assert.Contains("$60B", capital, StringComparison.Ordinal);
        Assert.Contains("SoftBank Group", capital, StringComparison.Ordinal);
        // Activity: the months with deals or events have bars of some height.
        Assert.Contains(Bars().Matches(Section(html, "activity-chart")), bar => bar.Groups["from"].Value != bar.Groups["to"].Value);
    }

    // From the element with the test id to the next chart's (or to the page's end).
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId} in the page");
        var next = html.IndexOf("-chart\"", start + testId.Length + 14, StringComparison.Ordinal);
        return html[start..(next > 0 ? next : html.Length)];
    }

    // A bar: a vertical path from the axis (its bottom) to its top.
    [GeneratedRegex("<path class=\"mud-chart-bar\"[^>]*d=\"M [\\d.]+ (?<from>[\\d.]+) L [\\d.]+ (?<to>[\\d.]+)\"")]
    private static partial Regex Bars();
}
