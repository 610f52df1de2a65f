using System.Text.Json.Nodes;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Deals;

public sealed class DealListTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private readonly IReadOnlyList<JsonObject> _deals = SeedData.ReadDeals();

    [Fact]
    public void Render_NoFilter_ListsEveryDealWithCount()
    {
        var expected = _deals.Select(d => d.Text("title")).Order(StringComparer.Ordinal).ToList();

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(expected, Titles(cut).Order(StringComparer.Ordinal)));
        Assert.Equal(6, expected.Count);
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));
    }

    [Fact]
    public void Render_InvestorSoftBankInAddress_ListsOnlySoftBanksDeals()
    {
        var expected = _deals.Where(d => d.ParticipantKeys().Contains("softbank")).Select(d => d.Text("title")).Order(StringComparer.Ordinal).ToList();
        var microsoftOpenAi = _deals.Single(d => d.Text("key") == "microsoft-openai").Text("title");
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("deals?investor=softbank");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(expected, Titles(cut).Order(StringComparer.Ordinal)));
        Assert.Equal(5, expected.Count);
        Assert.DoesNotContain(microsoftOpenAi, Titles(cut));
        cut.WaitForAssertion(() => Assert.Equal("5 deals", DealCount(cut)));
    }

    [Fact]
    public void Render_StatusInTalksInAddress_ListsOnlyDealsInTalks()
    {
        var expected = _deals.Where(d => d.Text("status") == "InTalks").Select(d => d.Text("title")).Order(StringComparer.Ordinal).ToList();
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("deals?status=InTalks");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(expected, Titles(cut).Order(StringComparer.Ordinal)));
        Assert.Equal(3, expected.Count);
        Assert.All(cut.FindAll("tbody tr.mud-table-row"), row => Assert.Contains("In talks", row.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_InvestorWithOneDeal_CountsDealInSingular()
    {
        var expected = _deals.Single(d => d.ParticipantKeys().Contains("microsoft")).Text("title");
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("deals?investor=microsoft");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal([expected], Titles(cut)));
        cut.WaitForAssertion(() => Assert.Equal("1 deal", DealCount(cut)));
    }

    [Fact]
    public void Render_NoFilter_MarksOnlyTheWiderDealsAndTotalsTheView()
    {
        var umbrellas = _deals.SelectMany(d => d["partOf"]?.AsArray().Select(k => k!.GetValue<string>()) ?? []).Distinct(StringComparer.Ordinal)
            .Select(key => _deals.Single(d => d.Text("key") == key).Text("title")).Order(StringComparer.Ordinal).ToList();

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(6, Titles(cut).Count));
        var marked = cut.FindAll("tbody tr.mud-table-row")
            .Where(row => row.TextContent.Contains("Wider deal: counted through its parts, plus any rest", StringComparison.Ordinal))
            .Select(row => row.QuerySelector(".deal-title-link")!.TextContent.Trim()).Order(StringComparer.Ordinal);
        Assert.Equal(["SoftBank–OpenAI AI partnership", "Stargate AI data-center project"], umbrellas);
        Assert.Equal(umbrellas, marked);
        cut.WaitForAssertion(() => Assert.StartsWith("Total of these deals, each dollar once: $141B–$541B", cut.Find("[data-testid=list-total]").TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NoFilter_FormatsAmountsWithTheirUncertainty()
    {
        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(6, Titles(cut).Count));
        Assert.Equal("$15B–$25B", AmountOf(cut, "SoftBank direct investment in OpenAI"));
        Assert.Equal("more than $40B", AmountOf(cut, "SoftBank–OpenAI AI partnership"));
        Assert.Equal("undisclosed", AmountOf(cut, "Microsoft backing of OpenAI"));
        Assert.Equal("$16B", AmountOf(cut, "SoftBank investment in WeWork"));
    }

    [Fact]
    public void Render_InvestorOfNoDeal_ShowsEmptyState()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("deals?investor=no-such-investor");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Contains("No deal matches these filters.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(Titles(cut));
        cut.WaitForAssertion(() => Assert.Equal("0 deals", DealCount(cut)));
    }

    [Fact]
    public void ClearFilters_FilteredList_NavigatesToDealsWithoutQuery()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("deals?investor=softbank&status=InTalks");
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("3 deals", DealCount(cut)));

        FindAndClick(cut, c => c.FindAll("button").Single(b => b.TextContent.Trim() == "Clear filters"));

        cut.WaitForAssertion(() => Assert.Equal(navigation.BaseUri + "deals", navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));
    }

    private static List<string> Titles(IRenderedComponent<DealList> cut) =>
        cut.FindAll(".deal-title-link").Select(e => e.TextContent.Trim()).ToList();

    private static string DealCount(IRenderedComponent<DealList> cut) =>
        cut.Find("[data-testid=deal-count]").TextContent.Trim();

    /// <summary>The text of the Amount column in the row of the deal with this title.</summary>
    private static string AmountOf(IRenderedComponent<DealList> cut, string title)
    {
        var headers = cut.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        var amountColumn = headers.FindIndex(h => h == "Amount");
        var row = cut.FindAll("tbody tr.mud-table-row").Single(r => r.QuerySelector(".deal-title-link")?.TextContent.Trim() == title);
        return row.QuerySelectorAll("td")[amountColumn].TextContent.Trim();
    }
}
