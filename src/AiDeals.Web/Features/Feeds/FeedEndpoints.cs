using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Feeds;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Watchlists;
using AiDeals.Web.Features.Deals;
using Microsoft.AspNetCore.Identity;

namespace AiDeals.Web.Features.Feeds;

/// <summary>
/// Atom feeds (RFC 4287), written by System.ServiceModel.Syndication:
/// <c>GET /feeds/deals.atom?&lt;the deal list's query&gt;</c>, the list's first <see cref="MaxEntries"/> deals in its order
/// (newest announced first unless the query sorts otherwise), readable where the list is (<c>Auth:AllowAnonymousRead</c>);
/// and <c>GET /feeds/watching/{token}.atom</c>, the latest changes to what one analyst watches, opened by its private
/// token alone (an unknown or revoked token, or an owner no longer an active analyst, is 404).
/// </summary>
public static class FeedEndpoints
{
    public const string DealsPath = "/feeds/deals.atom";
    public const string WatchingPrefix = "/feeds/watching/";

    /// <summary>Entries per feed: what a reader shows at once; older items are in the app.</summary>
    public const int MaxEntries = 50;

    private const string AtomContentType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DealsPath, DealsAsync)
            .WithName("DealsFeed")
            .WithSummary("The deal list's view as an Atom feed, first 50 deals in its order.");
        endpoints.MapGet(WatchingPrefix + "{token}.atom", WatchingAsync)
            .AllowAnonymous()
            .WithName("WatchingFeed")
            .WithSummary("The latest changes to what one analyst watches, as an Atom feed, at its private link.");
        return endpoints;
    }

    /// <summary>The deal feed's address for a view of the list: the same query string, without its page.</summary>
    public static string DealsLink(DealQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return DealsPath + query.FirstPage().ToQueryString();
    }

    public static string WatchingLink(string token) => WatchingPrefix + Uri.EscapeDataString(token) + ".atom";

    private static async Task<IResult> DealsAsync(HttpContext context, DealQueries deals, DealFeedQueries feeds, TimeProvider clock)
    {
        var query = DealQuery.FromQuery(context.Request.Query).FirstPage();
        var aborted = context.RequestAborted;
        var page = await deals.SearchAsync(query.ToFilter(), new DealPageRequest { PageSize = MaxEntries }, aborted);
        var changed = await feeds.LastChangedAsync(page.Items.Select(d => d.Id).ToList(), aborted);
        var site = SiteOf(context);
        var items = page.Items.Select(deal => DealEntries.Of(deal, site, changed.GetValueOrDefault(deal.Id))).ToList();
        var feed = new SyndicationFeed(
            query.HasFilters ? "AiDeals: deals matching a view" : "AiDeals: deals",
            "The deal list's view, " + DealColumns.Label(query.Sort).ToLowerInvariant() + (query.Descending ? ", descending" : ", ascending"),
            new Uri(site, query.ListHref()),
            new Uri(site, DealsLink(query)).AbsoluteUri,
            Newest(items, clock),
            items);
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(site, DealsLink(query)), "application/atom+xml"));
        return Write(feed);
    }

    private static async Task<IResult> WatchingAsync(
        string token, HttpContext context, WatchlistQueries watchlists, WatchedChanges changes, HistoryQueries history,
        UserManager<AppUser> users, TimeProvider clock)
    {
        var aborted = context.RequestAborted;
        var owner = await watchlists.FeedOwnerAsync(token, aborted);
        var user = owner is null ? null : await users.FindByNameAsync(owner);
        if (user is null || await users.IsLockedOutAsync(user) || !Actor.Create(owner!, [.. await users.GetRolesAsync(user)]).CanEdit)
        {
            return Results.NotFound();
        }

        var page = await changes.ListAsync(owner!, new WatchedChangesRequest(SinceSeen: false, IncludeOwn: true, Max: MaxEntries), aborted);
        var references = await history.NameReferencesAsync(page.Items.Select(i => i.Change), aborted);
        var site = SiteOf(context);
        var items = page.Items.Select(change => ChangeEntries.Of(change, references, site)).ToList();
        var self = new Uri(site, WatchingLink(token));
        var feed = new SyndicationFeed(
            "AiDeals: what changed in " + (user.DisplayName ?? owner) + "'s watchlist",
            "The latest changes to the deals and organizations on one analyst's watchlist, field by field.",
            new Uri(site, "/changes"),
            "urn:aideals:watchlist:" + ApiTokenService.Hash(token)[..16],
            Newest(items, clock),
            items);
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        context.Response.Headers.CacheControl = "private, no-store";
        return Write(feed);
    }

    private static Uri SiteOf(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");

    private static DateTimeOffset Newest(List<SyndicationItem> items, TimeProvider clock) =>
        items.Count == 0 ? clock.GetUtcNow() : items.Max(i => i.LastUpdatedTime);

    /// <summary>Written to memory first: the formatter writes synchronously, which Kestrel refuses on the response stream.</summary>
    private static IResult Write(SyndicationFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(buffer.ToArray(), AtomContentType);
    }
}
