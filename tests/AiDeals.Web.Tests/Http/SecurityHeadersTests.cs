using System.Net;
using System.Text.RegularExpressions;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>The headers that confine the app in a browser, on every kind of response, and pages that live within them.</summary>
[Collection(WebHostCollection.Name)]
public sealed partial class SecurityHeadersTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/deals?status=InTalks", HttpStatusCode.OK)]
    [InlineData("/deals/1", HttpStatusCode.OK)]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/deals/987654", HttpStatusCode.NotFound)]
    [InlineData("/deals/1/edit", HttpStatusCode.Redirect)]
    public async Task Get_AnyResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(status, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public void ContentSecurityPolicy_Always_KeepsScriptsFramesAndPluginsClosed()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split("; ").ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/deals")]
    [InlineData("/organizations/openai")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task Get_Page_HasNoInlineScriptOrHandlerThatThePolicyWouldBlock(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains(" src=\"", tag, StringComparison.Ordinal));
        Assert.DoesNotMatch(InlineHandler(), html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Development_PlainHttpAndHttps_NeitherRedirectsNorSendsHsts()
    {
        using var http = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var https = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://aideals.example/") });

        var plain = await http.GetAsync(new Uri("/deals", UriKind.Relative), Cancel);
        var secure = await https.GetAsync(new Uri("/deals", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.False(secure.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Development_AntiforgeryCookie_IsNotMarkedSecureOverHttp()
    {
        using var http = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await http.GetAsync(new Uri("/account/login", UriKind.Relative), Cancel);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    // <script ...> opening tags.
    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    // An event handler attribute (onclick="…") in markup, which script-src 'self' refuses to run.
    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
