using System.Net;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Watchlists;
using AiDeals.Web.Features.Feeds;
using AiDeals.Web.Tests.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Feeds;

/// <summary>With <c>Auth:AllowAnonymousRead</c> off: the deal feed needs a login as the list does; a watchlist feed needs only its token.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ClosedFeedTests(ClosedReadWebFactory factory) : IClassFixture<ClosedReadWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DealsFeed_Anonymous_IsSentToTheLoginButTheWatchlistFeedOpensWithItsToken()
    {
        using var client = AccountHttp.NewClient(factory);
        var create = new CreateWatchFeed();
        var analyst = Actor.Create(DemoAccounts.Analyst.UserName, Roles.Analyst);
        Assert.True((await factory.Services.GetRequiredService<CommandRunner>().RunAsync(analyst, create, Cancel)).IsSaved);

        var deals = await client.GetAsync(new Uri("/feeds/deals.atom", UriKind.Relative), Cancel);
        var watching = await client.GetAsync(new Uri(FeedEndpoints.WatchingLink(create.Token!), UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, deals.StatusCode);
        Assert.Equal("/account/login", deals.Headers.Location?.AbsolutePath);
        var feed = await FeedEndpointTests.ParseAsync(watching);
        Assert.Empty(feed.Items);
    }

    [Theory]
    [InlineData("/feeds/watching/aidw_abc.atom", "/feeds/watching/(token).atom")]
    [InlineData("/deals", "/deals")]
    public void RequestLog_WatchlistFeedPath_LeavesTheTokenOut(string path, string logged) =>
        Assert.Equal(logged, RequestLogPaths.Redact(path));
}
