using System.Net;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

[Collection(WebHostCollection.Name)]
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task GetHealth_DatabaseReachable_Returns200Healthy()
    {
        await using var factory = new AiDealsWebFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    public async Task Health_MethodOtherThanGetOrHead_IsRefusedWithAClientError(string method)
    {
        await using var factory = new AiDealsWebFactory();
        using var client = factory.CreateClient();

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/health", UriKind.Relative));
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri("/health", UriKind.Relative));
        var headResponse = await client.SendAsync(head, TestContext.Current.CancellationToken);

        // 405 from the health endpoint; a POST reaches the pages' form handling first, which refuses it without a token (400).
        Assert.Equal(method == "POST" ? HttpStatusCode.BadRequest : HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
    }

    [Fact]
    public async Task GetHealth_DatabaseGoneAfterStartup_Returns503Unhealthy()
    {
        await using var factory = new AiDealsWebFactory();
        using var client = factory.CreateClient();
        var before = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        // The database disappears while the app runs (a volume unmounted, a file removed by hand, a database dropped).
        await factory.Database.DeleteAsync();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
