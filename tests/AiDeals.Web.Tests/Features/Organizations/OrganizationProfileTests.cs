using AiDeals.Web.Features.Organizations;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Organizations;

public sealed class OrganizationProfileTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    [Fact]
    public void Render_OpenAi_ShowsItsFactsAndAliases()
    {
        var cut = RenderProfile("openai", "OpenAI");

        Assert.Contains("OpenAI, Inc.", cut.Find("[data-testid=organization-aliases]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Company", cut.Find(".mud-chip").TextContent, StringComparison.Ordinal);
        var facts = string.Join(' ', cut.Find("[data-testid=organization-facts]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Country United States", facts, StringComparison.Ordinal);
        Assert.Contains("Founded 2015", facts, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == "https://openai.com/" && a.TextContent.Trim() == "openai.com");
    }

    [Fact]
    public void Render_OpenAi_ShowsItsValuationInATableAndAChart()
    {
        var cut = RenderProfile("openai", "OpenAI");

        var row = Assert.Single(cut.Find("[data-testid=valuation-table]").QuerySelectorAll("tbody tr"));
        Assert.Equal(["Oct 2024", "$157B", "Post-money", "—"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.NotNull(cut.Find("[data-testid=valuation-chart] svg"));
        Assert.Equal("$157B", cut.Find("[data-testid=latest-valuation]").TextContent.Trim());
    }

    [Fact]
    public void Render_OpenAi_ListsTheDealsIntoItWithTheirInvestors()
    {
        var cut = RenderProfile("openai", "OpenAI");

        var rows = cut.Find("[data-testid=deals-as-target]").QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("Microsoft backing of OpenAI", StringComparison.Ordinal)
            && r.QuerySelector("a[href='/organizations/microsoft']") is not null);
    }

    [Fact]
    public void Render_SoftBank_TotalCountsTheWiderDealThroughItsParts()
    {
        var cut = RenderProfile("softbank", "SoftBank Group");

        Assert.Equal("$56B", cut.Find("[data-testid=total-committed]").TextContent.Trim());
        var umbrella = cut.Find("[data-testid=commitments]").QuerySelectorAll("tbody tr")
            .Single(r => r.TextContent.Contains("SoftBank–OpenAI AI partnership", StringComparison.Ordinal));
        Assert.Contains("Wider deal: counted through its parts", umbrella.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=commitment-chart] svg"));
    }

    [Fact]
    public void Render_SoftBank_ShowsItsHistoryWithTheSeedsCreatedEntry()
    {
        var cut = RenderProfile("softbank", "SoftBank Group");

        var history = cut.Find("[data-testid=organization-history]");
        Assert.StartsWith("History (", history.QuerySelector("h2")!.TextContent.Trim(), StringComparison.Ordinal);
        var entries = history.QuerySelectorAll("[data-testid=history-entry]");
        Assert.Contains(entries, e => e.TextContent.Contains("Created", StringComparison.OrdinalIgnoreCase)
            && e.TextContent.Contains("Organization", StringComparison.Ordinal)
            && e.TextContent.Contains("seed", StringComparison.Ordinal)
            && e.TextContent.Contains("SoftBank Group", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SoftBank_HasNoValuationAndSaysSo()
    {
        var cut = RenderProfile("softbank", "SoftBank Group");

        Assert.Equal("No valuations recorded.", cut.Find("[data-testid=no-valuations]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=valuation-chart]"));
        Assert.Contains("No deals into SoftBank Group recorded.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownSlug_AsksForNotFoundAndSaysSo()
    {
        var notFound = false;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound = true;

        var cut = RenderPage<OrganizationProfile>(p => p.Add(o => o.Slug, "no-such-organization"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=organization-not-found]")));
        Assert.True(notFound);
    }

    private IRenderedComponent<OrganizationProfile> RenderProfile(string slug, string name)
    {
        var cut = RenderPage<OrganizationProfile>(p => p.Add(o => o.Slug, slug));
        cut.WaitForAssertion(() => Assert.Equal(name, cut.Find("h1").TextContent.Trim()));
        return cut;
    }
}
