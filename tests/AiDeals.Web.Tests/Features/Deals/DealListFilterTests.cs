using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiDeals.Web.Tests.Features.Deals;

/// <summary>The deal list's filters on the article's deals: each one reads from the address and writes back to it.</summary>
public sealed class DealListFilterTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private const string Equity = "SoftBank direct investment in OpenAI";

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    [Fact]
    public void Render_EveryFilterInAddress_ShowsEachFilterAndTheOneDealMatchingAll()
    {
        Navigation.NavigateTo("deals?investor=softbank&target=openai&status=InTalks&kind=EquityInvestment&from=2025-01-15"
            + "&to=2025-12-31&min=10000000000&max=20000000000&q=openai");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal([Equity], Titles(cut)));
        cut.WaitForAssertion(() => Assert.Equal("1 deal", DealCount(cut)));
        Assert.Equal(["SoftBank Group"], Chips(cut, "investor-filter"));
        Assert.Equal(["OpenAI"], Chips(cut, "target-filter"));
        Assert.Equal("openai", Input(cut, "text-filter").GetAttribute("value"));
        Assert.Equal("2025-01-15", Input(cut, "from-filter").GetAttribute("value"));
        Assert.Equal("2025-12-31", Input(cut, "to-filter").GetAttribute("value"));
        Assert.Equal("$10B", Input(cut, "min-filter").GetAttribute("value"));
        Assert.Equal("$20B", Input(cut, "max-filter").GetAttribute("value"));
        Assert.Equal("In talks", Input(cut, "status-filter").GetAttribute("value"));
        Assert.Equal("Equity investment", Input(cut, "kind-filter").GetAttribute("value"));
    }

    [Fact]
    public void ExportLink_FilteredSortedSecondPage_CarriesTheSameQueryWithoutThePage()
    {
        Navigation.NavigateTo("deals?investor=softbank&status=InTalks&sort=amount&page=2");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.NotEqual("Loading…", DealCount(cut)));
        var export = cut.FindAll("a").Single(a => a.TextContent.Trim() == "Export CSV");
        Assert.Equal("/deals/export.csv?investor=softbank&status=InTalks&sort=amount", export.GetAttribute("href"));
        Assert.True(export.HasAttribute("download"));
    }

    [Fact]
    public void SortHeaders_DefaultView_LinkToEachSortAndMarkTheCurrentOne()
    {
        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(6, Titles(cut).Count));
        Assert.Equal("/deals?sort=amount", SortLink(cut, "amount").GetAttribute("href"));
        Assert.Equal("/deals?sort=title", SortLink(cut, "title").GetAttribute("href"));
        Assert.Equal("/deals?sort=investors", SortLink(cut, "investors").GetAttribute("href"));
        // The current sort (newest first): choosing it again turns it round.
        Assert.Equal("/deals?desc=false", SortLink(cut, "announced").GetAttribute("href"));
        Assert.Equal("descending", SortLink(cut, "announced").ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("none", SortLink(cut, "amount").ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public void Render_SortByAmountAscendingInAddress_OrdersRowsAndMarksTheColumn()
    {
        Navigation.NavigateTo("deals?status=InTalks&status=Announced&sort=amount&desc=false");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(
            ["SoftBank commitment to Stargate", Equity, "SoftBank–OpenAI AI partnership", "Stargate AI data-center project"],
            Titles(cut)));
        Assert.Equal("ascending", SortLink(cut, "amount").ParentElement!.GetAttribute("aria-sort"));
        // The filters stay when the sort changes.
        Assert.Equal("/deals?status=InTalks&status=Announced&sort=amount", SortLink(cut, "amount").GetAttribute("href"));
    }

    [Fact]
    public void LocationChanged_BackAndForwardBetweenViews_ReloadsEachView()
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));

        Navigation.NavigateTo("deals?status=InTalks");
        cut.WaitForAssertion(() => Assert.Equal("3 deals", DealCount(cut)));

        Navigation.NavigateTo("deals?status=InTalks&kind=Partnership");
        cut.WaitForAssertion(() => Assert.Equal(["SoftBank–OpenAI AI partnership"], Titles(cut)));

        // What the browser's back button does: the address goes back, and the page follows it.
        Navigation.NavigateTo("deals?status=InTalks");
        cut.WaitForAssertion(() => Assert.Equal("3 deals", DealCount(cut)));
        Navigation.NavigateTo("deals");
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));
    }

    [Theory]
    [InlineData("softb")]
    [InlineData("SoftBank Group Corp.")]
    public void InvestorFilter_TypingNameOrAlias_OffersSoftBankAndPickingItPutsItInTheAddress(string typed)
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));

        Input(cut, "investor-filter").Input(typed);

        var option = popovers.WaitForElement(".org-option");
        Assert.Contains("SoftBank Group", option.TextContent, StringComparison.Ordinal);
        Assert.Contains("also SoftBank, SoftBank Group Corp.", option.TextContent, StringComparison.Ordinal);
        Assert.Single(popovers.FindAll(".org-option"));
        option.Click();

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?investor=softbank", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal("5 deals", DealCount(cut)));
        Assert.Equal(["SoftBank Group"], Chips(cut, "investor-filter"));
    }

    [Fact]
    public void InvestorChip_Closing_RemovesTheInvestorFromTheAddressKeepingTheRest()
    {
        Navigation.NavigateTo("deals?investor=softbank&investor=microsoft&status=Completed");
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal(["Microsoft", "SoftBank Group"], Chips(cut, "investor-filter").Order(StringComparer.Ordinal)));
        // The rows come after the chips when reads are truly asynchronous (PostgreSQL): their render replaces the chips'
        // handlers, so the chip is clicked once the list has its rows, found and clicked in one step.
        cut.WaitForAssertion(() => Assert.NotEmpty(Titles(cut)));

        cut.InvokeAsync(() => cut.FindAll("[data-testid=investor-filter-chip]").Single(c => c.TextContent.Contains("Microsoft", StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?investor=softbank&status=Completed", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal(["SoftBank investment in WeWork"], Titles(cut)));
    }

    [Fact]
    public void TargetFilter_TypingAnAlias_OffersTheTarget()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));

        Input(cut, "target-filter").Input("stargate llc");

        var option = popovers.WaitForElement(".org-option");
        Assert.StartsWith("Stargate", option.TextContent.Trim(), StringComparison.Ordinal);
        option.Click();
        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?target=stargate", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal(["SoftBank commitment to Stargate", "Stargate AI data-center project"], Titles(cut).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void TextFilter_Typing_PutsTheTextInTheAddressOnPageOne()
    {
        Navigation.NavigateTo("deals?sort=title&page=2");
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.NotEqual("Loading…", DealCount(cut)));

        Input(cut, "text-filter").Input("stargate");

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?q=stargate&sort=title", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal("3 deals", DealCount(cut)));
    }

    [Fact]
    public void TextFilter_AddressGoesBackToNoText_EmptiesTheBox()
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));
        Input(cut, "text-filter").Input("stargate");
        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?q=stargate", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal("3 deals", DealCount(cut)));

        // The browser's back button: the address loses the text, and so does the box.
        Navigation.NavigateTo("deals");

        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));
        Assert.True(string.IsNullOrEmpty(Input(cut, "text-filter").GetAttribute("value")));
    }

    [Theory]
    [InlineData("10B", "10000000000")]
    [InlineData("$1.5T", "1500000000000")]
    [InlineData("250m", "250000000")]
    [InlineData("16,000,000,000", "16000000000")]
    public void MinAmount_Typed_PutsWholeDollarsInTheAddress(string typed, string dollars)
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));

        Input(cut, "min-filter").Change(typed);

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?min=" + dollars, Navigation.Uri));
    }

    [Fact]
    public void MaxAmount_NotAnAmount_SaysHowToWriteOneAndKeepsTheAddress()
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));

        Input(cut, "max-filter").Change("ten billion");

        cut.WaitForAssertion(() => Assert.Contains("Write an amount such as 10B, 250M or 1.5T", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(Navigation.BaseUri, Navigation.Uri);
    }

    [Fact]
    public void Render_TwentyEightDigitAmountInAddress_IgnoresItAndListsTheDeals()
    {
        Navigation.NavigateTo("deals?min=9999999999999999999999999999B&max=9999999999999999999999999999B");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(6, Titles(cut).Count));
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));
        Assert.Equal(string.Empty, Input(cut, "min-filter").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public void Render_MoreDigitsThanALongInAddress_ReadsAsTheLargestAmount()
    {
        Navigation.NavigateTo("deals?max=99999999999999999999999999999");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(5, Titles(cut).Count));
        Assert.Equal("$100T", Input(cut, "max-filter").GetAttribute("value"));
    }

    [Fact]
    public void MinAmount_TwentyEightDigits_SaysTheBoundAndKeepsTheAddress()
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));

        Input(cut, "min-filter").Change("9999999999999999999999999999B");

        cut.WaitForAssertion(() => Assert.Contains("An amount cannot be more than $100T.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(Navigation.BaseUri, Navigation.Uri);
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));
    }

    [Fact]
    public void FromDate_Changed_PutsTheDateInTheAddressAndFilters()
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));

        Input(cut, "from-filter").Change("2025-01-22");

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?from=2025-01-22", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal("3 deals", DealCount(cut)));
    }

    [Fact]
    public void EmptyState_NoMatch_ClearFiltersKeepsTheSort()
    {
        Navigation.NavigateTo("deals?q=no-such-words&sort=title&desc=true");
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Contains("No deal matches these filters.", cut.Markup, StringComparison.Ordinal));

        FindAndClick(cut, c => c.FindAll("tbody button").Single(b => b.TextContent.Trim() == "Clear filters"));

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?sort=title&desc=true", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));
    }

    [Fact]
    public void Render_PageBeyondTheLast_ShowsTheLastPage()
    {
        Navigation.NavigateTo("deals?status=InTalks&page=4");
        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?status=InTalks", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.NotEmpty(Titles(cut)));
        Assert.DoesNotContain("No deal matches", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_EveryField_HasAnAccessibleName()
    {
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal("6 deals", DealCount(cut)));

        var fields = cut.Find("[role=search]").QuerySelectorAll("input:not([type=hidden]), [role=combobox]");
        Assert.True(fields.Length >= 9, $"only {fields.Length} fields");
        Assert.All(fields, field => Assert.False(
            string.IsNullOrWhiteSpace(field.GetAttribute("aria-label")) && cut.FindAll($"label[for='{field.Id}']").Count == 0,
            $"no name for {field.OuterHtml}"));
    }

    private static IElement Input(IRenderedComponent<DealList> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, input[data-testid={testId}]");

    private static IElement SortLink(IRenderedComponent<DealList> cut, string field) => cut.Find($"[data-testid=sort-{field}]");

    private static List<string> Chips(IRenderedComponent<DealList> cut, string filter) =>
        cut.FindAll($"[data-testid={filter}-chip]").Select(c => c.TextContent.Trim()).ToList();

    private static List<string> Titles(IRenderedComponent<DealList> cut) =>
        cut.FindAll(".deal-title-link").Select(e => e.TextContent.Trim()).ToList();

    private static string DealCount(IRenderedComponent<DealList> cut) =>
        cut.Find("[data-testid=deal-count]").TextContent.Trim();
}
