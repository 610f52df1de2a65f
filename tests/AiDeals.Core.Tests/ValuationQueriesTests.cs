using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Valuations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

public class ValuationQueriesTests
{
    private const long Billion = 1_000_000_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_ArticleOnly_ReturnsOpenAisValuation()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await Valuations(database).ListAsync(new ValuationQuery(), new PageRequest(), Token);

        var valuation = Assert.Single(result.Items);
        Assert.Equal(1, result.TotalCount);
        Assert.Equal(new OrganizationRef("OpenAI", "openai"), valuation.Organization);
        Assert.Equal(157 * Billion, valuation.Amount);
        Assert.Equal("Oct 2024", valuation.AsOf.ToString());
        Assert.Null(valuation.Deal);
    }

    [Theory]
    [InlineData(ValuationSortField.AsOf, true, new long[] { 3000, 300, 157, 29 })]
    [InlineData(ValuationSortField.AsOf, false, new long[] { 29, 157, 300, 3000 })]
    [InlineData(ValuationSortField.Amount, false, new long[] { 29, 157, 300, 3000 })]
    [InlineData(ValuationSortField.Amount, true, new long[] { 3000, 300, 157, 29 })]
    [InlineData(ValuationSortField.Organization, false, new long[] { 3000, 300, 157, 29 })]
    [InlineData(ValuationSortField.Kind, false, new long[] { 29, 3000, 300, 157 })]
    public async Task ListAsync_Sort_OrdersInTheDatabase(ValuationSortField sort, bool descending, long[] expectedBillions)
    {
        await using var database = await SeedWithMoreValuationsAsync();

        var result = await Valuations(database).ListAsync(new ValuationQuery(sort, descending), new PageRequest(), Token);

        Assert.Equal(expectedBillions.Select(b => b * Billion), result.Items.Select(v => v.Amount));
    }

    [Fact]
    public async Task ListAsync_SecondPage_ReturnsTheRestAndTheFullCount()
    {
        await using var database = await SeedWithMoreValuationsAsync();

        var result = await Valuations(database).ListAsync(new ValuationQuery(ValuationSortField.Amount, Descending: true), new PageRequest(1, 3), Token);

        Assert.Equal(4, result.TotalCount);
        Assert.Equal([29 * Billion], result.Items.Select(v => v.Amount));
    }

    [Fact]
    public async Task ListAsync_ValuationFromADeal_LinksTheDeal()
    {
        await using var database = await SeedWithMoreValuationsAsync();

        var result = await Valuations(database).ListAsync(new ValuationQuery(), new PageRequest(), Token);

        var fromDeal = Assert.Single(result.Items, v => v.Deal is not null);
        Assert.Equal("SoftBank direct investment in OpenAI", fromDeal.Deal!.Title);
        Assert.Equal(300 * Billion, fromDeal.Amount);
    }

    private static ValuationQueries Valuations(TestDatabase database) => new(database.Contexts);

    /// <summary>The article's $157B for OpenAI (Oct 2024), plus $29B (Apr 2023, estimate), $300B (Mar 2025, from the equity deal) and Nvidia's $3T market cap (Jan 2025).</summary>
    private static async Task<TestDatabase> SeedWithMoreValuationsAsync()
    {
        var database = await TestDatabase.CreateSeededAsync();
        await using var db = await database.CreateContextAsync();
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.Slug, Token);
        var equity = await db.Deals.SingleAsync(d => d.Title == "SoftBank direct investment in OpenAI", Token);
        db.Valuations.AddRange(
            new Valuation { OrganizationId = organizations["openai"].Id, AsOfDate = PartialDate.Month(2023, 4), Amount = 29 * Billion, Kind = ValuationKind.Estimate },
            new Valuation { OrganizationId = organizations["openai"].Id, AsOfDate = PartialDate.Month(2025, 3), Amount = 300 * Billion, Kind = ValuationKind.PostMoney, DealId = equity.Id },
            new Valuation { OrganizationId = organizations["nvidia"].Id, AsOfDate = PartialDate.Day(2025, 6, 2), Amount = 3000 * Billion, Kind = ValuationKind.MarketCap });
        await db.SaveChangesAsync(Token);
        return database;
    }
}
