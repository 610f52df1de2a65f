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
}
