using System.Net;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Features.Accounts;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>The deal editor's addresses over HTTP: a login for strangers, a refusal for viewers, the form for analysts.</summary>
[Collection(WebHostCollection.Name)]
public sealed class DealEditorEndpointTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/deals/new")]
    [InlineData("/deals/1/edit")]
    public async Task Get_Anonymous_RedirectsToLogin(string path)
    {
        using var client = AccountHttp.NewClient(factory);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Get_Viewer_IsSentToAccessDenied()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Viewer.UserName, DemoAccounts.Viewer.Password);

        var response = await client.GetAsync(new Uri("/deals/1/edit", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Get_Analyst_ShowsTheEditorWithTheDealsTitle()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);

        var response = await client.GetAsync(new Uri("/deals/1/edit", UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"deal-editor\"", html, StringComparison.Ordinal);
        Assert.Contains("SoftBank–OpenAI AI partnership", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Analyst_PrerendersTheFilledFormAndItsStateForTheCircuit()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);

        var html = await client.GetStringAsync(new Uri("/deals/1/edit", UriKind.Relative), Cancel);
        var plain = await client.GetStringAsync(new Uri("/sources", UriKind.Relative), Cancel);

        // The fields themselves, not a loading bar: a keyboard user can be in them before the circuit is up, and the
        // circuit takes the same form from the page's persisted state instead of reading it again.
        Assert.DoesNotContain("aria-label=\"Loading the deal\"", html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*value=\"SoftBank–OpenAI AI partnership\"", WebUtility.HtmlDecode(html));
        // The state a page carries anyway (the sources page persists nothing of its own) plus the form: its quotes and
        // names alone are more than a kilobyte.
        Assert.True(StateLength(html) > StateLength(plain) + 1_000, $"state {StateLength(html)} chars, a page without one {StateLength(plain)}");
    }

    private static int StateLength(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<!--Blazor-Server-Component-State:([^-]*)-->").Groups[1].Length;
}
