using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Features.Accounts;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>
/// The bad-input corpus over HTTP: every route and query key with junk, hostile and oversized input. Each case must get
/// the status it names, never a 5xx, never the error page, never an unescaped script probe, never a redirect off the
/// site, and must leave every table as it was.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed partial class HttpBadInputTests(BadInputHost host) : IClassFixture<BadInputHost>
{
    // What the error page, the error boundary and the developer exception page say.
    private static readonly string[] ErrorMarkers =
    [
        "Something went wrong", "An unhandled exception occurred", "Internal Server Error",
    ];

    // The corpus's script probes, as they would appear if a page echoed them without encoding.
    private static readonly string[] ScriptProbes =
    [
        "<script>xss()</script>", "<img src=x onerror=xss()>", "<svg/onload=xss()>", "<b>xss</b>", "<iframe src=javascript:xss()>",
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Cases => [.. HttpCase.All.Keys];

    [Fact]
    public void Corpus_Always_HoldsAtLeast300CasesOverEveryRoute()
    {
        var cases = HttpCase.All.Values.ToList();
        Assert.True(cases.Count >= 300, $"The corpus has {cases.Count} cases.");
        foreach (var route in new[]
        {
            "/?", "/deals?", "/deals/", "/deals/new", "/deals/export.csv", "/organizations?", "/organizations/", "/valuations",
            "/events", "/sources", "/history", "/admin/users", "/account/login", "/account/logout", "/health", "/not-found",
        })
        {
            Assert.Contains(cases, c => c.Target.StartsWith(route, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BadInput_IsAnsweredCleanlyAndChangesNothing(string name)
    {
        var badCase = HttpCase.All[name];
        var before = await host.FingerprintAsync();

        var (status, location, body) = await SendAsync(badCase);

        Assert.True(status < 500, $"{name}: {status}\n{Excerpt(body)}");
        Assert.True(badCase.Allows(status), $"{name}: expected {badCase.Expect}, got {status} {location}\n{Excerpt(body)}");
        Assert.DoesNotContain(ErrorMarkers, marker => body.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(ScriptProbes, probe => body.Contains(probe, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotMatch(ScriptUrl(), body);
        if (location is not null)
        {
            Assert.True(OnThisSite(location), $"{name}: redirected off the site to {location}");
        }

        switch (badCase.Expect)
        {
            case "login":
                Assert.StartsWith("/account/login", PathOf(location), StringComparison.Ordinal);
                break;
            case "denied":
                Assert.StartsWith("/account/access-denied", PathOf(location), StringComparison.Ordinal);
                break;
        }

        if (badCase.Contains is { } expected)
        {
            var text = location is null ? WebUtility.HtmlDecode(body) : PathOf(location);
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Equal(before, await host.FingerprintAsync());
    }

    private async Task<(int Status, string? Location, string Body)> SendAsync(HttpCase badCase)
    {
        var target = badCase.ExpandedTarget;
        if (badCase.As == "raw")
        {
            var raw = await RawHttp.SendAsync(host.Address, badCase.Method, target, "HTTP/1.0", Cancel);
            return (raw.Status, raw.Headers.GetValueOrDefault("location"), raw.Body);
        }

        if (badCase.Method == "LOGIN")
        {
            using var fresh = host.NewClient();
            var loggedIn = await AccountHttp.LogInAsync(
                fresh, DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password, ReturnUrlOf(target));
            return await ReadAsync(loggedIn);
        }

        using var request = new HttpRequestMessage(new HttpMethod(badCase.Method), target);
        if (badCase.ExpandedBody is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(badCase.Type ?? "application/x-www-form-urlencoded");
        }

        try
        {
            return await ReadAsync(await host.ClientFor(badCase.As).SendAsync(request, Cancel));
        }
        catch (HttpRequestException) when (badCase.Expect.Contains("4xx", StringComparison.Ordinal) || badCase.Expect.StartsWith("41", StringComparison.Ordinal))
        {
            // Kestrel answers an oversized request and closes the connection; the client may see only the reset.
            var raw = await RawHttp.SendAsync(host.Address, badCase.Method, target, "HTTP/1.0", Cancel);
            return (raw.Status, raw.Headers.GetValueOrDefault("location"), raw.Body);
        }
    }

    private static async Task<(int Status, string? Location, string Body)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var location = response.Headers.Location?.OriginalString;
            return ((int)response.StatusCode, location, await response.Content.ReadAsStringAsync(Cancel));
        }
    }

    /// <summary>The ReturnUrl of a target such as <c>/account/login?ReturnUrl=%2F%2Fevil.example</c>, decoded.</summary>
    private static string? ReturnUrlOf(string target)
    {
        var query = target.Contains('?', StringComparison.Ordinal) ? target[(target.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return values.TryGetValue("ReturnUrl", out var value) ? value.ToString() : null;
    }

    /// <summary>A relative Location, or an absolute one to this server (Blazor's redirects are absolute).</summary>
    private bool OnThisSite(string location)
    {
        if (location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal))
        {
            return false;
        }

        return !Uri.TryCreate(location, UriKind.Absolute, out var absolute) || absolute.Authority == host.Address.Authority;
    }

    private static string PathOf(string? location) =>
        location is null ? string.Empty
        : Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : location;

    private static string Excerpt(string body) => body.Length <= 600 ? body : body[..600];

    // A javascript: address in a link, a source or a form action.
    [GeneratedRegex(@"(href|src|action)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}
