using AiDeals.Core.Data;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiDeals.Web.Tests.Features.Deals;

/// <summary>A database of 60 synthetic deals: enough for pages of 25.</summary>
public sealed class SixtyDealsDatabase : DatabaseFixture, IAsyncLifetime
{
    public const int DealCount = 60;

    protected override string? DealBookPath => null;

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var provider = new ServiceCollection().AddLogging().AddAiDealsCore(Settings).BuildServiceProvider();
        await ActivatorUtilities.CreateInstance<SyntheticDataGenerator>(provider).GenerateAsync(20, DealCount, seed: 7, Xunit.TestContext.Current.CancellationToken);
    }
}

/// <summary>Pages and page sizes of the deal list, read from and written to the address.</summary>
public sealed class DealListPagingTests(SixtyDealsDatabase database) : MudBunitContext(database), IClassFixture<SixtyDealsDatabase>
{
    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    private DealQueries Deals => Services.GetRequiredService<DealQueries>();

    [Fact]
    public async Task Render_SecondPageByTitleInAddress_ShowsRows26To50InOrder()
    {
        var expected = await TitlesAsync(new DealFilter { Sort = DealSortField.Title, Descending = false }, new PageRequest(1, 25));
        Navigation.NavigateTo("deals?sort=title&page=2");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(expected, Titles(cut)));
        cut.WaitForAssertion(() => Assert.Equal("26–50 of 60", cut.Find("[data-testid=page-range]").TextContent.Trim()));
        Assert.Equal("60 deals", cut.Find("[data-testid=deal-count]").TextContent.Trim());
    }

    [Fact]
    public void Render_LargestPageNumberInAddress_ShowsTheLastPageAndSaysSoInTheAddress()
    {
        // The row offset of page 2147483647 once overflowed to a negative number and showed page 1's rows.
        Navigation.NavigateTo("deals?sort=title&page=2147483647");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?sort=title&page=3", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal("51–60 of 60", cut.Find("[data-testid=page-range]").TextContent.Trim()));
        Assert.Equal(10, Titles(cut).Count);
    }

    [Fact]
    public void Pagination_ChoosingPageThree_PutsItInTheAddressKeepingTheSort()
    {
        Navigation.NavigateTo("deals?sort=amount&desc=false");
        var cut = RenderPage<DealList>();
        cut.WaitForAssertion(() => Assert.Equal(25, Titles(cut).Count));

        cut.Find("[data-testid=pagination]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "3").Click();

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?sort=amount&desc=false&page=3", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal(10, Titles(cut).Count));
        cut.WaitForAssertion(() => Assert.Equal("51–60 of 60", cut.Find("[data-testid=page-range]").TextContent.Trim()));
    }

    [Fact]
    public async Task PageSize_ChoosingFifty_PutsItInTheAddressFromPageOne()
    {
        Navigation.NavigateTo("deals?page=2");
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<DealList>();
        cut.WaitForAssertion(() => Assert.Equal(25, Titles(cut).Count));

        // What choosing "50" in the select does (its list opens in the browser's popover layer).
        var select = cut.FindComponent<MudSelect<int>>();
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(50));

        cut.WaitForAssertion(() => Assert.Equal(Navigation.BaseUri + "deals?size=50", Navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal(50, Titles(cut).Count));
        Assert.NotNull(popovers);
    }

    [Fact]
    public async Task Render_SizeHundredInAddress_ShowsEveryDealOnOnePage()
    {
        var expected = await TitlesAsync(new DealFilter(), new PageRequest(0, 100));
        Navigation.NavigateTo("deals?size=100");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(expected, Titles(cut)));
        Assert.Equal(60, expected.Count);
        Assert.Empty(cut.FindAll("[data-testid=pagination]"));
    }

    [Fact]
    public void Render_SizeNotOffered_FallsBackToPagesOf25()
    {
        Navigation.NavigateTo("deals?size=7");

        var cut = RenderPage<DealList>();

        cut.WaitForAssertion(() => Assert.Equal(25, Titles(cut).Count));
    }

    private async Task<List<string>> TitlesAsync(DealFilter filter, PageRequest page) =>
        (await Deals.SearchAsync(filter, page, Xunit.TestContext.Current.CancellationToken)).Items.Select(d => d.Title).ToList();

    private static List<string> Titles(IRenderedComponent<DealList> cut) =>
        cut.FindAll(".deal-title-link").Select(e => e.TextContent.Trim()).ToList();
}
