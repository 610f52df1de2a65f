using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>The deal list in a real browser: filtering by investor and status, and the filter living in the address.</summary>
public sealed class DealListTests(E2EFixture fixture)
{
    [Fact]
    public async Task InvestorFilter_ChoosingSoftBank_ShowsOnlySoftBankDealsAndPutsItInTheAddress()
    {
        await using var session = await fixture.OpenSessionAsync();
        var deals = await DealsPage.OpenAsync(session.Page);

        var all = await deals.WaitForDealsAsync(ArticleDeals.All);
        Assert.Equal(ArticleDeals.Sorted(ArticleDeals.All), ArticleDeals.Sorted(all.Select(d => d.Title)));
        await Expect(deals.DealCount).ToHaveTextAsync("6 deals");

        await deals.ChooseInvestorAsync(ArticleDeals.SoftBank);

        var softBank = await deals.WaitForDealsAsync(ArticleDeals.WithSoftBank);
        Assert.Equal(ArticleDeals.Sorted(ArticleDeals.WithSoftBank), ArticleDeals.Sorted(softBank.Select(d => d.Title)));
        Assert.DoesNotContain(softBank, d => d.Title == ArticleDeals.MicrosoftOpenAi);
        Assert.All(softBank, d => Assert.Contains(ArticleDeals.SoftBank, d.Investors));
        await Expect(deals.DealCount).ToHaveTextAsync("5 deals");
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"[?&]investor={ArticleDeals.SoftBankSlug}(&|$)"));
        await Expect(deals.InvestorFilter).ToHaveValueAsync(ArticleDeals.SoftBank);
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
        await Expect(deals.InvestorFilter).ToHaveValueAsync(ArticleDeals.SoftBank);
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
}
