using System.Net;
using AiDeals.Tests.Shared;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>The pages as a browser first receives them: prerendered HTML over HTTP from the real app.</summary>
[Collection(WebHostCollection.Name)]
public sealed class PageEndpointsTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetHome_SeededDatabase_ShowsDashboardWithDealCount()
    {
        var deals = SeedData.ReadDeals().Count;

        var response = await _client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<h1[^>]*>\\s*Dashboard\\s*</h1>", html);
        Assert.Equal(6, deals);
        Assert.Matches($"data-testid=\"deal-count-tile\"[^>]*>\\s*{deals}\\s*<", html);
    }

    [Fact]
    public async Task GetDeals_NoFilter_ShowsDealsHeading()
    {
        var response = await _client.GetAsync(new Uri("/deals", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<h1[^>]*>\\s*Deals\\s*</h1>", html);
    }

    [Fact]
    public async Task GetDeals_InvestorAndStatusInQuery_ShowsFiltersFromAddress()
    {
        var response = await _client.GetAsync(new Uri("/deals?investor=softbank&status=InTalks", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<h1[^>]*>\\s*Deals\\s*</h1>", html);
        Assert.Matches("data-testid=\"investor-filter-chip\"[\\s\\S]*?SoftBank Group", html);
        Assert.Matches("data-testid=\"status-filter\"[^>]*value=\"In talks\"", html);
    }

    [Fact]
    public async Task GetUnknownPage_Always_Returns404WithNotFoundPage()
    {
        var response = await _client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMudBlazorStylesheet_Always_ServesCss()
    {
        var response = await _client.GetAsync(new Uri("/_content/MudBlazor/MudBlazor.min.css", UriKind.Relative), TestContext.Current.CancellationToken);
        var css = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".mud-", css, StringComparison.Ordinal);
    }

    [Fact]
    [SqliteOnly("The app making its SQLite file at the configured path; on PostgreSQL the tests hand the app a database copied from a template, and the templates are made by the same initializer on a database that was not there")]
    public void Startup_ConnectionStringSetting_CreatesDatabaseAtConfiguredPath()
    {
        Assert.True(File.Exists(factory.DatabasePath), $"The app did not create its database at {factory.DatabasePath}.");
    }
}
