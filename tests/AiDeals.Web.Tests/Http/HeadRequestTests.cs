using System.Net;
using System.Net.Sockets;
using System.Text;
using AiDeals.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Http;

/// <summary>The app on Kestrel at a loopback port: HEAD's body suppression is the real server's, not the test server's.</summary>
public sealed class KestrelWebFactory : AiDealsWebFactory
{
    public KestrelWebFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

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
    [InlineData("/deals?status=InTalks&page=2", 200)]
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

        var head = await RawHeadAsync(path);

        Assert.Equal(status, (int)getResponse.StatusCode);
        Assert.StartsWith($"HTTP/1.1 {status} ", head.StatusLine, StringComparison.Ordinal);
        Assert.Equal(getResponse.Content.Headers.ContentType?.ToString(), head.Headers.GetValueOrDefault("content-type"));
        Assert.Equal(0, head.BodyLength);
        Assert.Contains("nosniff", head.Headers.GetValueOrDefault("x-content-type-options"), StringComparison.Ordinal);
    }

    /// <summary>Sends HEAD over a plain socket and reads to the end, so a body the server sent anyway would show.</summary>
    private async Task<(string StatusLine, Dictionary<string, string> Headers, int BodyLength)> RawHeadAsync(string path)
    {
        var address = factory.Address;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, Cancel);
        await using var stream = tcp.GetStream();
        var request = $"HEAD {path} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Cancel);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, Cancel);

        var text = Encoding.UTF8.GetString(received.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"No complete header block in: {text}");
        var lines = text[..end].Split("\r\n");
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .GroupBy(parts => parts[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(parts => parts[1].Trim())));
        return (lines[0], headers, text.Length - end - 4);
    }
}
