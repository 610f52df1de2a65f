using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Tests.Support;
using Bunit;

namespace AiDeals.Web.Tests.Components;

/// <summary>
/// The market events on a deal page and an organization profile: a busy investor's seventy events drew seventy entries
/// and two hundred chips; the newest few show, and the rest a click away.
/// </summary>
public sealed class MarketEventFeedTests(EmptyDatabase database) : MudBunitContext(database), IClassFixture<EmptyDatabase>
{
    private static readonly MarketEventSummary[] Seventy = [.. Enumerable.Range(1, 70).Select(i => new MarketEventSummary(
        i,
        PartialDate.Create(new DateOnly(2025, 1, 1).AddDays(-i), DatePrecision.Day),
        $"Event {i}",
        null,
        i % 2 == 0 ? -1_000_000_000 : null,
        [new OrganizationRef("Photon Holdings", "photon-holdings"), new OrganizationRef($"Partner {i}", $"partner-{i}")]))];

    [Fact]
    public void Render_MoreEventsThanShown_ShowsTheNewestAndOffersTheRest()
    {
        var feed = Render<MarketEventFeed>(p => p.Add(f => f.Events, Seventy));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Event {i}"), Titles(feed));
        Assert.Equal("The newest 10 of 70.", feed.Find("[data-testid=market-events-shown]").TextContent.Trim());

        feed.Find("[data-testid=all-market-events]").Click();

        Assert.Equal(Enumerable.Range(1, 70).Select(i => $"Event {i}"), Titles(feed));
        Assert.Empty(feed.FindAll("[data-testid=all-market-events]"));
    }

    [Fact]
    public void Render_FewEvents_ShowsThemAllWithTheirOrganizationsAsLinks()
    {
        var feed = Render<MarketEventFeed>(p => p.Add(f => f.Events, Seventy[..3]));

        Assert.Equal(["Event 1", "Event 2", "Event 3"], Titles(feed));
        Assert.Empty(feed.FindAll("[data-testid=all-market-events]"));
        var links = feed.FindAll(".market-event")[1].QuerySelectorAll("a.mud-chip");
        Assert.Equal(["/organizations/photon-holdings", "/organizations/partner-2"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Photon Holdings", "Partner 2"], links.Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Render_NoEvents_SaysSo()
    {
        var feed = Render<MarketEventFeed>(p => p.Add(f => f.Events, []).Add(f => f.EmptyText, "No market events involve these organizations."));

        Assert.Equal("No market events involve these organizations.", feed.Find(".mud-typography").TextContent.Trim());
        Assert.Empty(feed.FindAll(".market-event"));
    }

    private static string[] Titles(IRenderedComponent<MarketEventFeed> feed) =>
        [.. feed.FindAll(".market-event .mud-typography-subtitle1").Select(title => title.TextContent.Trim())];
}
