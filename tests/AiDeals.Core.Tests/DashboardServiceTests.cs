using System.Text.Json.Nodes;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

public class DashboardServiceTests
{
    private readonly List<JsonObject> _deals = SeedData.ReadDealBook().Objects("deals").ToList();

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_CountsEveryDeal()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(6, summary.DealCount);
    }

    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_TotalsLeafDealsOnly()
    {
        var leaves = Leaves(_deals);
        var (naiveLow, naiveHigh) = Sum(_deals);
        var (leafLow, leafHigh) = Sum(leaves);
        await using var database = await TestDatabase.CreateSeededAsync();

        var capital = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).Capital;

        Assert.Equal(5, leaves.Count);
        Assert.Equal((leafLow, leafHigh), (capital.Low, capital.High));
        Assert.NotEqual((naiveLow, naiveHigh), (capital.Low, capital.High));
        Assert.Equal(leaves.Count, capital.LeafDeals);
        Assert.Equal(1, capital.UndisclosedDeals);
        Assert.False(capital.OpenEnded);
        Assert.Equal("$146B–$556B", capital.ToString());
    }

    [Fact]
    public async Task GetSummaryAsync_LeafDealDeleted_LeavesItOutOfTheTotal()
    {
        const string DeletedKey = "softbank-stargate-commitment";
        var remaining = _deals.Where(d => d.Text("key") != DeletedKey).ToList();
        var (expectedLow, expectedHigh) = Sum(Leaves(remaining));
        var deleted = _deals.Single(d => d.Text("key") == DeletedKey);
        await using var database = await TestDatabase.CreateSeededAsync();
        var before = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Deals.SingleAsync(d => d.Title == deleted.Text("title"), TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var after = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(before.DealCount - 1, after.DealCount);
        Assert.Equal((expectedLow, expectedHigh), (after.Capital.Low, after.Capital.High));
        Assert.Equal(before.Capital.Low - deleted["amount"].Long("low"), after.Capital.Low);
        Assert.Equal(before.Capital.LeafDeals - 1, after.Capital.LeafDeals);
    }

    [Fact]
    public async Task GetSummaryAsync_BothChildrenDeleted_CountsTheUmbrellaAsAnOpenEndedLeaf()
    {
        var children = _deals.Where(d => d["parent"]?.GetValue<string>() == "softbank-openai-partnership").Select(d => d.Text("title")).ToList();
        var remaining = _deals.Where(d => !children.Contains(d.Text("title"))).ToList();
        var (expectedLow, expectedHigh) = Sum(Leaves(remaining));
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.RemoveRange(await db.Deals.Where(d => children.Contains(d.Title)).ToListAsync(TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var capital = (await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken)).Capital;

        Assert.Equal(2, children.Count);
        Assert.Equal((expectedLow, expectedHigh), (capital.Low, capital.High));
        Assert.True(capital.OpenEnded);
        Assert.StartsWith("more than ", capital.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSummaryAsync_EmptyDatabase_IsZero()
    {
        await using var database = await TestDatabase.CreateAsync();

        var summary = await database.Dashboard.GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, summary.DealCount);
        Assert.Equal("$0", summary.Capital.ToString());
    }

    /// <summary>Deals that are no other deal's parent.</summary>
    private static List<JsonObject> Leaves(List<JsonObject> deals)
    {
        var parents = deals.Select(d => d["parent"]?.GetValue<string>()).OfType<string>().ToHashSet();
        return deals.Where(d => !parents.Contains(d.Text("key"))).ToList();
    }

    private static (long Low, long High) Sum(IEnumerable<JsonObject> deals) => deals.Aggregate(
        (Low: 0L, High: 0L),
        (total, deal) =>
        {
            var low = deal["amount"].Long("low");
            var high = deal["amount"].Long("high");
            return (total.Low + (low ?? 0), total.High + (high ?? low ?? 0));
        });
}
