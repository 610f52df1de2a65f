using System.Net;
using AiDeals.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AiDeals.Web.Tests.Http;

/// <summary>The app in Production with an https port to send people to, as behind a TLS listener.</summary>
public sealed class ProductionHttpsWebFactory : AiDealsWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("https_port", "443");
    }
}

/// <summary>Outside Development: plain http is sent to https, https answers carry HSTS, cookies travel over https only.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ProductionTransportTests(ProductionHttpsWebFactory factory) : IClassFixture<ProductionHttpsWebFactory>
{
    private static readonly Uri SecureSite = new("https://aideals.example/");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/deals?status=InTalks")]
    [InlineData("/account/login")]
    [InlineData("/health")]
    public async Task PlainHttp_AnyAddress_RedirectsToTheSameAddressOverHttps(string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://aideals.example/") });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri(SecureSite, path), response.Headers.Location);
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("/deals")]
    [InlineData("/health")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Https_AnyAddress_SendsHstsAndTheSecurityHeaders(string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = SecureSite });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.True((int)response.StatusCode is 200 or 404, $"{path} answered {response.StatusCode}.");
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.StartsWith("max-age=", hsts, StringComparison.Ordinal);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Https_LoginPage_SetsASecureAntiforgeryCookie()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = SecureSite });

        var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
