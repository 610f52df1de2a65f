using System.Net;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>The deal list as the browser first receives it: the rows are in the server-rendered HTML, before the circuit is up.</summary>
[Collection(WebHostCollection.Name)]
public sealed class DealListPrerenderTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetDeals_BeforeTheCircuitIsUp_ShowsTheFiltersFromTheAddressAndTheirRows()
    {
        var response = await _client.GetAsync(new Uri("/deals?target=openai&q=softbank&min=10000000000", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"deal-count\"[^>]*>\\s*2 deals\\s*<", html);
        Assert.Contains("SoftBank direct investment in OpenAI", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("Loading deals(…|&#x2026;)", html);
        Assert.Matches("data-testid=\"target-filter-chip\"[\\s\\S]*?OpenAI", html);
        Assert.Matches("data-testid=\"text-filter\"[^>]*value=\"softbank\"|value=\"softbank\"[^>]*data-testid=\"text-filter\"", html);
        Assert.Matches("href=\"/deals/export.csv\\?target=openai&amp;min=10000000000&amp;q=softbank\"", html);
    }

    [Fact]
    public async Task GetDeals_TheFirstPage_ArrivesWithItsRowsAndTheirStateForTheCircuit()
    {
        var response = await _client.GetAsync(new Uri("/deals?sort=title&desc=false", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"deal-count\"[^>]*>\\s*\\d+ deals\\s*<", html);
        Assert.Matches("href=\"/deals/\\d+\"", html);
        Assert.Contains("Microsoft backing of OpenAI", html, StringComparison.Ordinal);
        // The rows read while prerendering travel to the circuit in the page's persisted component state.
        Assert.Contains("<!--Blazor-Server-Component-State:", html, StringComparison.Ordinal);
    }
}
