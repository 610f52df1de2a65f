using System.Text.RegularExpressions;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>The detail pages in a real browser: from the deal list to a deal's evidence, and an organization's valuation chart.</summary>
public sealed partial class DetailPagesTests(E2EFixture fixture)
{
    [Fact]
    public async Task DealTitle_ClickedInTheList_OpensTheDealWithItsQuote()
    {
        await using var session = await fixture.OpenSessionAsync();
        var deals = await DealsPage.OpenAsync(session.Page);
        await deals.WaitForDealsAsync(ArticleDeals.All);

        await session.Page.GetByRole(AriaRole.Link, new() { Name = ArticleDeals.SoftBankOpenAiEquity, Exact = true }).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(DealAddress());
        var detail = await DealDetailPage.WaitForAsync(session.Page, ArticleDeals.SoftBankOpenAiEquity);
        await Expect(detail.Amount).ToHaveTextAsync("$15B–$25B");
        await detail.OpenEvidenceAsync();
        await Expect(detail.Quotes.Filter(new() { HasText = "in talks to invest up to $25 billion" })).ToHaveCountAsync(1);
        await Expect(detail.Quotes).ToHaveCountAsync(2);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task OpenAiProfile_Opened_DrawsItsValuationChart()
    {
        await using var session = await fixture.OpenSessionAsync();

        var profile = await OrganizationProfilePage.OpenAsync(session.Page, "openai", "OpenAI");

        await Expect(profile.ValuationChart.Locator("svg")).ToBeVisibleAsync();
        await Expect(profile.ValuationLine).ToHaveCountAsync(1);
        await Expect(profile.ValuationPoints.First).ToBeVisibleAsync();
        await Expect(profile.ValuationChart).ToContainTextAsync("Oct 2024");
        await Expect(profile.ValuationRows).ToHaveCountAsync(1);
        await Expect(profile.ValuationRows.First).ToContainTextAsync("$157B");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task OrganizationName_ClickedInTheList_OpensItsProfile()
    {
        await using var session = await fixture.OpenSessionAsync();
        await session.Page.GotoAsync("organizations");
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await session.Page.GetByRole(AriaRole.Link, new() { Name = ArticleDeals.SoftBank, Exact = true }).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(new Regex($"/organizations/{ArticleDeals.SoftBankSlug}$"));
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ArticleDeals.SoftBank);
        await Expect(session.Page.GetByTestId("total-committed")).ToHaveTextAsync("$56B");
        Assert.Empty(session.PageErrors);
    }

    [GeneratedRegex(@"/deals/\d+$")]
    private static partial Regex DealAddress();
}
