using AiDeals.Core.Data;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Deals;

public sealed class DealDetailTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private const string Partnership = "SoftBank–OpenAI AI partnership";
    private const string Equity = "SoftBank direct investment in OpenAI";
    private const string StargateCommitment = "SoftBank commitment to Stargate";

    [Fact]
    public void Render_EquityDeal_ShowsAmountStatusDatesAndTarget()
    {
        var cut = RenderDeal(Equity);

        Assert.Equal(Equity, cut.Find("h1").TextContent.Trim());
        Assert.Equal("$15B–$25B", cut.Find("[data-testid=deal-amount]").TextContent.Trim());
        Assert.Contains("Range: low to high", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Jan 2025", cut.Find("[data-testid=deal-announced]").TextContent.Trim());
        Assert.Contains("Known to the month", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("In talks", cut.Find(".mud-chip").TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == "/organizations/openai" && a.TextContent.Trim() == "OpenAI");
    }

    [Fact]
    public void Render_EquityDeal_LinksItsWiderDealInBreadcrumbsAndNote()
    {
        var partnershipId = IdOf(Partnership);

        var cut = RenderDeal(Equity);

        var note = cut.Find("[data-testid=umbrella-note]");
        Assert.Contains("Totals count this deal once", note.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/deals/{partnershipId}", note.QuerySelector("a")!.GetAttribute("href"));
        var crumbs = cut.Find(".mud-breadcrumbs").TextContent;
        Assert.Contains("Deals", crumbs, StringComparison.Ordinal);
        Assert.Contains(Partnership, crumbs, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EquityDeal_ParticipantsShowRoleAndCommitment()
    {
        var cut = RenderDeal(Equity);

        var row = Assert.Single(cut.Find("[data-testid=deal-participants]").QuerySelectorAll("tbody tr"));
        Assert.Equal(["SoftBank Group", "Lead", "$15B–$25B"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("/organizations/softbank", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void EvidenceTab_EquityDeal_ShowsTheQuotesAsBlockquotesWithTheirSource()
    {
        var cut = RenderDeal(Equity);

        ClickTab(cut, "Evidence");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("blockquote").Count));
        Assert.Contains(cut.FindAll("blockquote"), q => q.TextContent.Contains("in talks to invest up to $25 billion", StringComparison.Ordinal));
        Assert.All(cut.FindAll("figcaption"), caption =>
        {
            Assert.Contains("SoftBank Plans $25 Billion OpenAI Investment", caption.TextContent, StringComparison.Ordinal);
            Assert.Contains("31 Jan 2025", caption.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Render_WiderDeal_ListsItsPartsWithAmountsAndWhatItAddsBeyondThem()
    {
        var cut = RenderDeal(Partnership);

        var rows = cut.Find("[data-testid=deal-children]").QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .ToList();
        Assert.Equal([StargateCommitment, Equity], rows.Select(r => r[0]));
        Assert.Equal(["$15B", "$15B–$25B"], rows.Select(r => r[2]));
        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == $"/deals/{IdOf(Equity)}");
        Assert.Equal(
            "Totals count this deal with everything under it as $40B: its parts, each once, and $10B at the low end and $0 at the high end "
            + "unattributed — what its own more than $40B says beyond its parts.",
            string.Join(' ', cut.Find("[data-testid=deal-counted]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Render_SharedPart_NamesBothWiderDeals()
    {
        var cut = RenderDeal(StargateCommitment);

        var note = cut.Find("[data-testid=umbrella-note]");
        Assert.StartsWith("Part of 2 wider deals:", note.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            [$"/deals/{IdOf(Partnership)}", $"/deals/{IdOf("Stargate AI data-center project")}"],
            note.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void HistoryTab_Umbrella_ShowsEachCreatedRecordFieldByField()
    {
        var cut = RenderDeal(Partnership);

        ClickTab(cut, "History");

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=history-entry]").Count));
        var entries = cut.FindAll("[data-testid=history-entry]");
        Assert.All(entries, e => Assert.Contains("Created", e.TextContent, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Contains("by seed", e.TextContent, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.TextContent.Contains("Participant SoftBank Group", StringComparison.Ordinal));
        var deal = entries.Single(e => e.QuerySelector(".mud-typography-subtitle2")!.TextContent.Trim() == "Deal");
        Assert.Equal(["—", "$40B"], ValuesOf(deal, "Amount low"));
        Assert.Equal(["—", "In talks"], ValuesOf(deal, "Status"));
        Assert.Equal(["—", "OpenAI"], ValuesOf(deal, "Target"));
        Assert.Matches(@"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC", deal.QuerySelector("time")!.TextContent);
    }

    [Fact]
    public void Render_UnknownId_AsksForNotFoundAndSaysSo()
    {
        var notFound = false;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound = true;

        var cut = RenderPage<DealDetail>(p => p.Add(d => d.Id, 987_654));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=deal-not-found]")));
        Assert.True(notFound);
        Assert.Contains("There is no deal number 987654", cut.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<DealDetail> RenderDeal(string title)
    {
        var cut = RenderPage<DealDetail>(p => p.Add(d => d.Id, IdOf(title)));
        cut.WaitForAssertion(() => Assert.Equal(title, cut.Find("h1").TextContent.Trim()));
        return cut;
    }

    private int IdOf(string title)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext();
        return db.Deals.Where(d => d.Title == title).Select(d => d.Id).Single();
    }

    private static void ClickTab(IRenderedComponent<DealDetail> cut, string name) =>
        FindAndClick(cut, c => c.FindAll(".mud-tab").Single(t => t.TextContent.Trim().StartsWith(name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The old and new values of one field in a history entry.</summary>
    private static List<string> ValuesOf(IElement entry, string field)
    {
        var row = entry.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == field);
        return [row.QuerySelector(".history-old")!.TextContent.Trim(), row.QuerySelector(".history-new")!.TextContent.Trim()];
    }
}
