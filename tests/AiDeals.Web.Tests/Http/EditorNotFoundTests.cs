using System.Net;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Features.Accounts;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Http;

/// <summary>An editor's address for a record that does not exist answers 404 with the not-found page, as its detail page does.</summary>
[Collection(WebHostCollection.Name)]
public sealed class EditorNotFoundTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/deals/-1/edit")]
    [InlineData("/deals/0/edit")]
    [InlineData("/deals/987654/edit")]
    [InlineData("/deals/2147483647/edit")]
    [InlineData("/organizations/nope/edit")]
    [InlineData("/valuations/999999/edit")]
    [InlineData("/events/999999/edit")]
    public async Task Get_AnalystOnMissingRecord_Returns404WithAFriendlyPage(string path)
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not found", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Something went wrong", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AnalystOnExistingDeal_StillShowsTheEditor()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);

        var response = await client.GetAsync(new Uri("/deals/2/edit", UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"deal-editor\"", html, StringComparison.Ordinal);
    }
}
