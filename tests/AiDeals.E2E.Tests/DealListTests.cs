using System.Text.RegularExpressions;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using CsvHelper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>
/// The deal browser in a real browser: filters set in the page live in the address, so a reload or a copied link shows
/// the same view and back and forward move between views; Export CSV downloads exactly the rows the filters match.
/// </summary>
public sealed partial class DealListTests(E2EFixture fixture)
{
    /// <summary>SoftBank's deals that may reach $20B: the $40B+ umbrella, the $15–25B equity and the $100–500B Stargate.</summary>
    private static readonly string[] SoftBankAtLeast20B =
    [
        ArticleDeals.SoftBankOpenAiPartnership, ArticleDeals.SoftBankOpenAiEquity, ArticleDeals.StargateProject,
    ];

    [Fact]
    public async Task InvestorFilter_TypingPartOfTheName_ShowsOnlySoftBankDealsAndPutsItInTheAddress()
    {
        await using var session = await fixture.OpenSessionAsync();
        var deals = await DealsPage.OpenAsync(session.Page);

        var all = await deals.WaitForDealsAsync(ArticleDeals.All);
        Assert.Equal(ArticleDeals.Sorted(ArticleDeals.All), ArticleDeals.Sorted(all.Select(d => d.Title)));
        await Expect(deals.DealCount).ToHaveTextAsync("6 deals");

        await deals.ChooseInvestorAsync(ArticleDeals.SoftBank, typed: "softb");

        var softBank = await deals.WaitForDealsAsync(ArticleDeals.WithSoftBank);
        Assert.Equal(ArticleDeals.Sorted(ArticleDeals.WithSoftBank), ArticleDeals.Sorted(softBank.Select(d => d.Title)));
        Assert.DoesNotContain(softBank, d => d.Title == ArticleDeals.MicrosoftOpenAi);
        Assert.All(softBank, d => Assert.Contains(ArticleDeals.SoftBank, d.Investors));
        await Expect(deals.DealCount).ToHaveTextAsync("5 deals");
        await Expect(session.Page).ToHaveURLAsync(new Regex($"[?&]investor={ArticleDeals.SoftBankSlug}(&|$)"));
        await Expect(deals.InvestorChips).ToHaveTextAsync([ArticleDeals.SoftBank]);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task CopiedLink_WithInvestorAndStatus_ReproducesTheViewAndBackReturnsToIt()
    {
        await using var session = await fixture.OpenSessionAsync();
        var deals = await DealsPage.OpenAsync(session.Page, $"?investor={ArticleDeals.SoftBankSlug}&status=InTalks");

        var inTalks = await deals.WaitForDealsAsync(ArticleDeals.WithSoftBankInTalks);
        Assert.Equal(ArticleDeals.Sorted(ArticleDeals.WithSoftBankInTalks), ArticleDeals.Sorted(inTalks.Select(d => d.Title)));
        Assert.All(inTalks, d => Assert.Equal("In talks", d.Status));
        Assert.All(inTalks, d => Assert.Contains(ArticleDeals.SoftBank, d.Investors));
        await Expect(deals.InvestorChips).ToHaveTextAsync([ArticleDeals.SoftBank]);
        await Expect(deals.StatusFilter).ToHaveValueAsync("In talks");

        // Untick "In talks": every SoftBank deal, and the status leaves the address.
        await deals.ToggleStatusAsync("In talks");
        var allSoftBank = await deals.WaitForDealsAsync(ArticleDeals.WithSoftBank);
        Assert.Equal(ArticleDeals.Sorted(ArticleDeals.WithSoftBank), ArticleDeals.Sorted(allSoftBank.Select(d => d.Title)));
        Assert.DoesNotContain("status=", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains($"investor={ArticleDeals.SoftBankSlug}", session.Page.Url, StringComparison.Ordinal);

        await session.Page.GoBackAsync();

        var back = await deals.WaitForDealsAsync(ArticleDeals.WithSoftBankInTalks);
        Assert.Equal(ArticleDeals.Sorted(ArticleDeals.WithSoftBankInTalks), ArticleDeals.Sorted(back.Select(d => d.Title)));
        Assert.Contains("status=InTalks", session.Page.Url, StringComparison.Ordinal);
        await Expect(deals.DealCount).ToHaveTextAsync("3 deals");
        await Expect(deals.StatusFilter).ToHaveValueAsync("In talks");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task UrlRoundTrip_TwoFiltersSetInThePage_SurviveAReloadAndBackAndForwardMoveBetweenViews()
    {
        await using var session = await fixture.OpenSessionAsync();
        var page = session.Page;
        var deals = await DealsPage.OpenAsync(page);
        await deals.WaitForDealsAsync(ArticleDeals.All);

        await deals.ChooseInvestorAsync(ArticleDeals.SoftBank, typed: "SoftBank Group Corp.");
        await Expect(deals.DealCount).ToHaveTextAsync("5 deals");
        await deals.SetMinAmountAsync("20B");

        await Expect(page).ToHaveURLAsync(new Regex(@"/deals\?investor=softbank&min=20000000000$"));
        await AssertShowsAsync(deals, SoftBankAtLeast20B);

        await page.ReloadAsync();
        await deals.WaitUntilInteractiveAsync();
        await AssertShowsAsync(deals, SoftBankAtLeast20B);
        await Expect(deals.InvestorChips).ToHaveTextAsync([ArticleDeals.SoftBank]);
        await Expect(deals.MinAmountFilter).ToHaveValueAsync("$20B");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/deals\?investor=softbank$"));
        await AssertShowsAsync(deals, ArticleDeals.WithSoftBank);
        await Expect(deals.MinAmountFilter).ToHaveValueAsync(string.Empty);

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/deals$"));
        await AssertShowsAsync(deals, ArticleDeals.All);
        await Expect(deals.InvestorChips).ToHaveCountAsync(0);

        await page.GoForwardAsync();
        await AssertShowsAsync(deals, ArticleDeals.WithSoftBank);
        await page.GoForwardAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/deals\?investor=softbank&min=20000000000$"));
        await AssertShowsAsync(deals, SoftBankAtLeast20B);
        await Expect(deals.MinAmountFilter).ToHaveValueAsync("$20B");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task SortHeader_ClickedTwice_OrdersByAmountBothWaysAndBackRestoresTheOrder()
    {
        await using var session = await fixture.OpenSessionAsync();
        var deals = await DealsPage.OpenAsync(session.Page);
        var newestFirst = (await deals.WaitForDealsAsync(ArticleDeals.All)).Select(d => d.Title).ToList();

        string[] largestFirst =
        [
            ArticleDeals.StargateProject, ArticleDeals.SoftBankOpenAiPartnership, ArticleDeals.SoftBankOpenAiEquity,
            ArticleDeals.SoftBankWeWork, ArticleDeals.SoftBankStargateCommitment, ArticleDeals.MicrosoftOpenAi,
        ];

        await deals.SortByAsync("Amount");
        await Expect(session.Page).ToHaveURLAsync(new Regex(@"/deals\?sort=amount$"));
        Assert.Equal(largestFirst, await deals.WaitForOrderAsync(largestFirst));
        Assert.Equal("$100B–$500B", (await deals.ReadDealsAsync())[0].Amount);

        // Again: smallest first, and the undisclosed amount (no figure) before every figure.
        await deals.SortByAsync("Amount");
        await Expect(session.Page).ToHaveURLAsync(new Regex(@"/deals\?sort=amount&desc=false$"));
        string[] smallestFirst = [largestFirst[^1], .. largestFirst[..^1].Reverse()];
        Assert.Equal(smallestFirst, await deals.WaitForOrderAsync(smallestFirst));

        await session.Page.GoBackAsync();
        await session.Page.GoBackAsync();
        await Expect(session.Page).ToHaveURLAsync(new Regex(@"/deals$"));
        Assert.Equal(newestFirst, await deals.WaitForOrderAsync(newestFirst));
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task ExportCsv_FilteredSortedView_DownloadsExactlyTheRowsShownInTheirOrder()
    {
        await using var session = await fixture.OpenSessionAsync();
        var deals = await DealsPage.OpenAsync(session.Page, $"?investor={ArticleDeals.SoftBankSlug}&sort=amount&desc=false");
        var shown = await deals.WaitForDealsAsync(ArticleDeals.WithSoftBank);

        var download = await session.Page.RunAndWaitForDownloadAsync(() => deals.ExportLink.ClickAsync());

        Assert.Matches(ExportFileName(), download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = CsvReader.Create(bytes, null);
        csv.ReadHeader();
        Assert.Equal("Title", csv.Headers[0]);
        var exported = new List<(string Title, string Low, string High)>();
        while (csv.Read())
        {
            exported.Add((csv.GetString("Title"), csv.GetString("Amount low (USD)"), csv.GetString("Amount high (USD)")));
        }

        Assert.Equal(shown.Select(d => d.Title), exported.Select(r => r.Title));
        Assert.Contains(("SoftBank direct investment in OpenAI", "15000000000", "25000000000"), exported);
        // The page is still the list, not a file: the download did not navigate away.
        await Expect(session.Page).ToHaveURLAsync(new Regex(@"/deals\?investor=softbank&sort=amount&desc=false$"));
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Filters_TabbedThroughWithTheKeyboard_AreReachedInReadingOrder()
    {
        await using var session = await fixture.OpenSessionAsync();
        var deals = await DealsPage.OpenAsync(session.Page);
        await deals.WaitForDealsAsync(ArticleDeals.All);

        await deals.TextFilter.FocusAsync();
        var reached = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            reached.Add(await session.Page.EvaluateAsync<string>("() => document.activeElement?.getAttribute('aria-label') ?? ''"));
        }

        string[] expected =
        [
            "Filter by investor", "Filter by target organization", "Filter by status", "Filter by kind", "Announced from",
            "Announced to", "Amount at least", "Amount at most",
        ];
        var positions = expected.Select(label => reached.IndexOf(label)).ToList();
        Assert.False(positions.Contains(-1), "reached: " + string.Join(" | ", reached));
        Assert.Equal(positions.Order(), positions);
    }

    private static async Task AssertShowsAsync(DealsPage deals, IReadOnlyCollection<string> titles)
    {
        var rows = await deals.WaitForDealsAsync(titles);
        Assert.Equal(ArticleDeals.Sorted(titles), ArticleDeals.Sorted(rows.Select(r => r.Title)));
        await Expect(deals.DealCount).ToHaveTextAsync(titles.Count == 1 ? "1 deal" : $"{titles.Count} deals");
    }

    [GeneratedRegex(@"^aideals-deals-\d{8}\.csv$")]
    private static partial Regex ExportFileName();
}
