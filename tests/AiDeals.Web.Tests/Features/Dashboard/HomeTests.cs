using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Web.Features.Dashboard;
using AiDeals.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Dashboard;

public sealed class HomeTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    [Fact]
    public void Render_SeededDatabase_ShowsDealCount()
    {
        var cut = RenderPage<Home>();

        var tile = cut.WaitForElement("[data-testid=deal-count-tile]");
        Assert.Equal(SeedData.ReadDeals().Count.ToString(System.Globalization.CultureInfo.InvariantCulture), tile.TextContent.Trim());
        Assert.Equal("6", tile.TextContent.Trim());
        Assert.Equal("/deals", LinkNamed(cut, "Browse deals").GetAttribute("href"));
    }

    [Fact]
    public void Render_SeededDatabase_ShowsCapitalCountingEachDollarOnce()
    {
        // The derivation of docs/architecture.md: the $15B Stargate commitment is part of both the partnership (more
        // than $40B) and Stargate ($100–500B) and counts once; each wider deal adds only what it says beyond its parts.
        var cut = RenderPage<Home>();

        var tile = cut.WaitForElement("[data-testid=capital-tile]");
        Assert.Equal("$141B–$541B", tile.TextContent.Trim());
        Assert.Contains("and 2 wider deals only for what they say beyond their parts ($95B–$485B unattributed)",
            cut.Find("[data-testid=capital-unattributed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Plus 1 deal with an undisclosed amount.", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("/deals?sort=amount&desc=true", LinkNamed(cut, "Deals by amount").GetAttribute("href"));
    }

    [Fact]
    public void Render_SeededDatabase_StatusChipsCountAndOpenTheFilteredList()
    {
        var cut = RenderPage<Home>();

        cut.WaitForElement("[data-testid=status-tile]");
        var chips = cut.FindAll("[data-testid=status-tile] a");
        Assert.Equal(
            [("In talks · 3", "/deals?status=InTalks"), ("Announced · 1", "/deals?status=Announced"), ("Completed · 2", "/deals?status=Completed")],
            chips.Select(c => (Text(c), c.GetAttribute("href"))));
    }

    [Fact]
    public async Task Render_SeededDatabase_LargestDealTileOpensStargate()
    {
        var stargateId = await DealIdAsync("Stargate AI data-center project");

        var cut = RenderPage<Home>();

        var tile = cut.WaitForElement("[data-testid=largest-deal-tile]");
        Assert.Contains("$100B–$500B", tile.TextContent, StringComparison.Ordinal);
        Assert.Contains("into Stargate", tile.TextContent, StringComparison.Ordinal);
        var link = cut.Find("[data-testid=largest-deal-link]");
        Assert.Equal(("Stargate AI data-center project", $"/deals/{stargateId}"), (Text(link), link.GetAttribute("href")));
        Assert.Equal($"/deals/{stargateId}", LinkNamed(cut, "Open the deal").GetAttribute("href"));
    }

    [Fact]
    public void Render_SeededDatabase_LatestValuationTileOpensOpenAi()
    {
        var cut = RenderPage<Home>();

        var tile = cut.WaitForElement("[data-testid=valuation-tile]");
        Assert.Contains("$157B", tile.TextContent, StringComparison.Ordinal);
        Assert.Contains("post-money · as of Oct 2024", tile.TextContent, StringComparison.Ordinal);
        var link = cut.Find("[data-testid=valuation-link]");
        Assert.Equal(("OpenAI", "/organizations/openai"), (Text(link), link.GetAttribute("href")));
        Assert.Equal("/organizations/openai", LinkNamed(cut, "OpenAI's profile").GetAttribute("href"));
    }

    [Fact]
    public void Render_SeededDatabase_InvestorsTileCountsParticipantsAndOpensOrganizations()
    {
        var participants = SeedData.ReadDeals().SelectMany(d => d.ParticipantKeys()).Distinct(StringComparer.Ordinal).Count();

        var cut = RenderPage<Home>();

        var count = cut.WaitForElement("[data-testid=investor-count]");
        Assert.Equal(participants.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(count));
        Assert.Equal("3", Text(count));
        Assert.Equal("/organizations", LinkNamed(cut, "All organizations").GetAttribute("href"));
    }

    [Fact]
    public void Render_SeededDatabase_ChartsDrawWithLegendsThatOpenTheFilteredList()
    {
        var cut = RenderPage<Home>();

        cut.WaitForElement("[data-testid=investor-capital-chart] .bar-chart-legend");
        // Capital by investor: SoftBank's commitments, each dollar once, with its deals one click away.
        var investor = cut.Find("[data-testid=investor-capital-chart] .dashboard-legend-list a");
        Assert.Equal(("SoftBank Group", "/deals?investor=softbank"), (Text(investor), investor.GetAttribute("href")));
        Assert.Contains("$56B · 5 deals", cut.Find("[data-testid=investor-capital-chart] .dashboard-legend-list").TextContent, StringComparison.Ordinal);
        Assert.Equal(["$0B", "$20B", "$40B", "$60B"], cut.FindAll("[data-testid=investor-capital-chart] .bar-chart-y span").Select(Text));
        Assert.Equal("SoftBank Group", Text(cut.Find("[data-testid=investor-capital-chart] .bar-chart-x")));
        Assert.Equal(2, cut.FindAll("[data-testid=investor-capital-chart] .bar-chart-bar").Count);
        Assert.Equal(["Low", "High"], cut.FindAll("[data-testid=investor-capital-chart] .bar-chart-legend span").Select(Text));
        // Activity: twelve months up to January 2025, and what is left out.
        Assert.Equal(["Deals", "Market events"], cut.FindAll("[data-testid=activity-chart] .bar-chart-legend span").Select(Text));
        Assert.Equal(12, cut.FindAll("[data-testid=activity-chart] .bar-chart-x > span").Count);
        Assert.Equal("Jan 2025", Text(cut.FindAll("[data-testid=activity-chart] .bar-chart-x > span")[^1]));
        Assert.Equal("Feb 2024", Text(cut.FindAll("[data-testid=activity-chart] .bar-chart-x > span")[0]));
        Assert.StartsWith("Feb 2024 – Jan 2025: 4 of 6 deals, 5 of 5 market events.", Text(cut.Find("[data-testid=activity-caption]")), StringComparison.Ordinal);
        // Status and kind donuts.
        Assert.Equal(
            ["/deals?status=InTalks", "/deals?status=Announced", "/deals?status=Completed"],
            cut.FindAll("[data-testid=status-chart] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            [("Equity investment", "/deals?kind=EquityInvestment"), ("Infrastructure commitment", "/deals?kind=InfrastructureCommitment"), ("Partnership", "/deals?kind=Partnership")],
            cut.FindAll("[data-testid=kind-chart] a").Select(a => (Text(a), a.GetAttribute("href"))));
        Assert.Single(cut.FindAll("[data-testid=kind-chart] svg"));
    }

    [Fact]
    public async Task Render_SeededDatabase_FeedSaysWhoCreatedWhatAndLinksToIt()
    {
        var wework = await DealIdAsync("SoftBank investment in WeWork");

        var cut = RenderPage<Home>();

        cut.WaitForElement("[data-testid=recent-change]");
        var entries = cut.FindAll("[data-testid=recent-change]");
        Assert.Equal(8, entries.Count);
        var entry = Assert.Single(entries, e => e.TextContent.Contains("SoftBank investment in WeWork", StringComparison.Ordinal));
        Assert.StartsWith("seed created deal SoftBank investment in WeWork", Text(entry), StringComparison.Ordinal);
        Assert.Matches(@"1 participant added, 1 citation added · (just now|\d+ min ago|\d+ h ago)$", Text(entry));
        Assert.Equal($"/deals/{wework}", entry.QuerySelector("a")?.GetAttribute("href"));
        var valuation = Assert.Single(entries, e => e.TextContent.Contains("created valuation", StringComparison.Ordinal));
        Assert.Equal("/organizations/openai", valuation.QuerySelector("a")?.GetAttribute("href"));
    }

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static IElement LinkNamed(IRenderedComponent<Home> cut, string name) =>
        Assert.Single(cut.FindAll("a"), a => Text(a) == name);

    private async Task<int> DealIdAsync(string title)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.Deals.Where(d => d.Title == title).Select(d => d.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
