using System.Net;
using AiDeals.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace AiDeals.Web.Tests.Http;

/// <summary>
/// Production behind a proxy that terminates TLS: the app listens on plain http with <c>Https:Redirect</c> off and takes
/// the scheme from X-Forwarded-Proto (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>).
/// </summary>
public sealed class BehindTlsProxyWebFactory : AiDealsWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("https_port", "443");
        builder.UseSetting(SecurityHeaders.HttpsRedirectKey, "false");
        builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
    }
}

[Collection(WebHostCollection.Name)]
public sealed class HttpsRedirectSwitchTests(BehindTlsProxyWebFactory factory) : IClassFixture<BehindTlsProxyWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlainHttpProbe_RedirectSwitchedOff_AnswersWithoutRedirectOrHsts()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://aideals.example/") });

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task ForwardedHttps_LoginPage_IsServedWithHstsAndASecureAntiforgeryCookie()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://aideals.example/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/login", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
