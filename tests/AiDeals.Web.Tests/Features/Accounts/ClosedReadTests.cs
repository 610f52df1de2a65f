using System.Net;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Features.Accounts;

/// <summary>The app as it runs outside Development: <c>Auth:AllowAnonymousRead</c> false.</summary>
public sealed class ClosedReadWebFactory : AiDealsWebFactory
{
    protected override bool AllowAnonymousRead => false;
}

/// <summary>With anonymous reading off, every page and export needs a login; the login page and what it needs do not.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ClosedReadTests(ClosedReadWebFactory factory) : IClassFixture<ClosedReadWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/deals")]
    [InlineData("/")]
    [InlineData("/organizations/openai")]
    [InlineData("/deals/export.csv")]
    public async Task Get_Anonymous_RedirectsToLoginWithTheReturnUrl(string path)
    {
        using var client = AccountHttp.NewClient(factory);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
        Assert.Equal($"?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.Query);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/logged-out")]
    [InlineData("/health")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task Get_LoginPageAndWhatItNeeds_AnswersAnonymously(string path)
    {
        using var client = AccountHttp.NewClient(factory);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetDeals_AfterLoginAsViewer_ShowsTheDeals()
    {
        using var client = AccountHttp.NewClient(factory);

        var login = await AccountHttp.LogInAsync(client, DemoAccounts.Viewer.UserName, DemoAccounts.Viewer.Password, "/deals");
        var response = await client.GetAsync(login.Headers.Location, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<h1[^>]*>\\s*Deals\\s*</h1>", html);
    }
}
