using System.Net;
using AiDeals.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Http;

/// <summary>The app on Kestrel at a loopback port: HEAD's body suppression is the real server's, not the test server's.</summary>
public sealed class KestrelWebFactory : AiDealsWebFactory
{
    public KestrelWebFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Logs warnings and errors only: a test that sends hundreds of requests does not print a line for each.</summary>
    public bool Quiet { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Quiet)
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }

    /// <summary>Where Kestrel listens; starts the server on first use.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First());
        }
    }
}

/// <summary>HEAD answers every page as GET does, status and headers, without a body.</summary>
[Collection(WebHostCollection.Name)]
public sealed class HeadRequestTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", 200)]
    [InlineData("/deals", 200)]
    [InlineData("/deals?status=InTalks", 200)]

    // Past the last page: the prerender moves the address to the last page.
    [InlineData("/deals?status=InTalks&page=2", 302)]
    [InlineData("/deals/1", 200)]
    [InlineData("/organizations", 200)]
    [InlineData("/organizations/openai", 200)]
    [InlineData("/valuations", 200)]
    [InlineData("/events", 200)]
    [InlineData("/sources", 200)]
    [InlineData("/history", 302)]
    [InlineData("/account/login", 200)]
    [InlineData("/health", 200)]
    [InlineData("/app.css", 200)]
    [InlineData("/deals/987654", 404)]
    [InlineData("/no-such-page", 404)]
    [InlineData("/deals/1/edit", 302)]
    public async Task Head_AnyAddress_AnswersLikeGetWithoutABody(string path, int status)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = factory.Address };
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        var getResponse = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, Cancel);

        var head = await RawHttp.SendAsync(factory.Address, "HEAD", path, "HTTP/1.1", Cancel);

        Assert.Equal(status, (int)getResponse.StatusCode);
        Assert.StartsWith($"HTTP/1.1 {status} ", head.StatusLine, StringComparison.Ordinal);
        Assert.Equal(getResponse.Content.Headers.ContentType?.ToString(), head.Headers.GetValueOrDefault("content-type"));
        Assert.Equal(string.Empty, head.Body);
        Assert.Contains("nosniff", head.Headers.GetValueOrDefault("x-content-type-options"), StringComparison.Ordinal);
    }
}
