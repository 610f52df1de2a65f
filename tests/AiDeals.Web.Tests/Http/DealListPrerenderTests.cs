using System.Net;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>The deal list as the browser first receives it, before the interactive circuit loads the rows.</summary>
[Collection(WebHostCollection.Name)]
public sealed class DealListPrerenderTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetDeals_BeforeTheCircuitIsUp_SaysLoadingAndShowsTheFiltersFromTheAddress()
    {
        var response = await _client.GetAsync(new Uri("/deals?target=openai&q=softbank&min=10000000000", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The HTML encodes the ellipsis.
        Assert.Matches("data-testid=\"deal-count\"[^>]*>\\s*Loading(…|&#x2026;)\\s*<", html);
        Assert.Matches("Loading deals(…|&#x2026;)", html);
        Assert.Matches("data-testid=\"target-filter-chip\"[\\s\\S]*?OpenAI", html);
        Assert.Matches("data-testid=\"text-filter\"[^>]*value=\"softbank\"|value=\"softbank\"[^>]*data-testid=\"text-filter\"", html);
        Assert.Matches("href=\"/deals/export.csv\\?target=openai&amp;min=10000000000&amp;q=softbank\"", html);
    }
}
