using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Watchlists;
using AiDeals.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Feeds;

/// <summary>The Atom feeds on the real app, each parsed back with System.ServiceModel.Syndication's Atom reader.</summary>
[Collection(WebHostCollection.Name)]
public sealed class FeedEndpointTests(AiDealsWebFactory factory) : IClassFixture<AiDealsWebFactory>
{
    private static readonly Actor Analyst = Actor.Create(DemoAccounts.Analyst.UserName, Roles.Analyst);
    private static readonly Actor Admin = Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DealsFeed_SoftBankByAmount_HasTheListsDealsInItsOrderWithLinksAndDates()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/feeds/deals.atom?investor=softbank&sort=amount&page=3", UriKind.Relative), Cancel);
        var feed = await ParseAsync(response);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["Stargate AI data-center project", "SoftBank–OpenAI AI partnership", "SoftBank direct investment in OpenAI", "SoftBank investment in WeWork", "SoftBank commitment to Stargate"],
            feed.Items.Select(i => i.Title.Text));
        Assert.Equal("http://localhost/deals?investor=softbank&sort=amount", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal("http://localhost/feeds/deals.atom?investor=softbank&sort=amount", feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        var equity = feed.Items.Single(i => i.Title.Text == "SoftBank direct investment in OpenAI");
        var id = await DealIdAsync("SoftBank direct investment in OpenAI");
        Assert.Equal($"http://localhost/deals/{id}", equity.Links.Single().Uri.AbsoluteUri);
        Assert.Contains("$15B–$25B", ((TextSyndicationContent)equity.Content).Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), equity.PublishDate);
        Assert.All(feed.Items, i => Assert.True(i.LastUpdatedTime >= i.PublishDate, $"{i.Title.Text} updated before it was announced."));
        Assert.Equal(feed.Items.Max(i => i.LastUpdatedTime), feed.LastUpdatedTime);
    }

    [Fact]
    public async Task DealsFeed_ChangedDeal_CarriesTheTimeOfItsChange()
    {
        using var client = factory.CreateClient();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var forms = factory.Services.GetRequiredService<DealFormQueries>();
        var form = (await forms.GetFormAsync(await DealIdAsync("Microsoft backing of OpenAI"), Cancel))!;
        form.Notes = "Changed for the feed " + Guid.NewGuid();
        Assert.True((await Commands.RunAsync(Admin, new UpdateDeal(form), Cancel)).IsSaved);

        var feed = await ParseAsync(await client.GetAsync(new Uri("/feeds/deals.atom?investor=microsoft", UriKind.Relative), Cancel));

        var item = Assert.Single(feed.Items);
        Assert.InRange(item.LastUpdatedTime, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task WatchingFeed_AtItsToken_ListsTheChangeToAWatchedDealAndARevokedTokenIsNotFound()
    {
        using var client = factory.CreateClient();
        var weWork = await DealIdAsync("SoftBank investment in WeWork");
        Assert.True((await Commands.RunAsync(Analyst, new WatchRecord(RecordKind.Deal, weWork), Cancel)).IsSaved);
        var form = (await factory.Services.GetRequiredService<DealFormQueries>().GetFormAsync(weWork, Cancel))!;
        var notes = "Watched change " + Guid.NewGuid();
        form.Notes = notes;
        Assert.True((await Commands.RunAsync(Admin, new UpdateDeal(form), Cancel)).IsSaved);
        var create = new CreateWatchFeed();
        Assert.True((await Commands.RunAsync(Analyst, create, Cancel)).IsSaved);
        var address = new Uri($"/feeds/watching/{create.Token}.atom", UriKind.Relative);

        var response = await client.GetAsync(address, Cancel);
        var feed = await ParseAsync(response);

        Assert.Equal("no-store", response.Headers.CacheControl?.NoStore == true ? "no-store" : null);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("Updated: Deal SoftBank investment in WeWork", entry.Title.Text);
        Assert.Contains($"Notes: ", ((TextSyndicationContent)entry.Content).Text, StringComparison.Ordinal);
        Assert.Contains(notes, ((TextSyndicationContent)entry.Content).Text, StringComparison.Ordinal);
        Assert.Equal(Admin.UserName, entry.Authors.Single().Name);
        Assert.Equal($"http://localhost/deals/{weWork}", entry.Links.Single().Uri.AbsoluteUri);
        Assert.StartsWith("urn:aideals:change:", entry.Id, StringComparison.Ordinal);

        Assert.True((await Commands.RunAsync(Analyst, new RevokeWatchFeed(), Cancel)).IsSaved);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(address, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/feeds/watching/aidw_unknown.atom", UriKind.Relative), Cancel)).StatusCode);
    }

    private CommandRunner Commands => factory.Services.GetRequiredService<CommandRunner>();

    private async Task<int> DealIdAsync(string title)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Cancel);
        return await db.Deals.Where(d => d.Title == title).Select(d => d.Id).SingleAsync(Cancel);
    }

    /// <summary>The response as Atom: the reader throws on anything that is not a valid Atom 1.0 feed.</summary>
    internal static async Task<SyndicationFeed> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync(Cancel);
        using var reader = XmlReader.Create(stream);
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "The response is not an Atom feed.");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
