using System.Net;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>The detail pages as a browser or a crawler first receives them: prerendered, with a 404 for what is not there.</summary>
[Collection(WebHostCollection.Name)]
public sealed class DetailPageEndpointsTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/organizations/openai", "OpenAI")]
    [InlineData("/organizations/softbank", "SoftBank Group")]
    [InlineData("/valuations", "Valuations")]
    [InlineData("/events", "Market events")]
    public async Task Get_ExistingPage_RendersItsHeadingAndTitle(string path, string heading)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"<h1[^>]*>\\s*{heading}\\s*</h1>", html);
        Assert.Contains($"<title>{heading} · AiDeals</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDeal_FirstDeal_RendersItsQuoteTabAndHistoryTab()
    {
        var response = await _client.GetAsync(new Uri("/deals/1", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"deal-title\"", html);
        Assert.Contains("Evidence (", html, StringComparison.Ordinal);
        Assert.Contains("History (", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/deals/987654")]
    [InlineData("/organizations/no-such-organization")]
    public async Task Get_MissingRecord_Returns404WithTheNotFoundPage(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }
}
