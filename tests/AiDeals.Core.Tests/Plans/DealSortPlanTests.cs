using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// Every sort of the deal list, each way, first page and a page after a cursor, reads the rows in the order of an index:
/// no command scans the deals and none sorts them in a temporary B-tree (which, at a million deals, sorts them all).
/// </summary>
public sealed class DealSortPlanTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    private const string TempBTree = "USE TEMP B-TREE";

    public static TheoryData<DealSortField, bool> Sorts()
    {
        var data = new TheoryData<DealSortField, bool>();
        foreach (var field in Enum.GetValues<DealSortField>())
        {
            data.Add(field, false);
            data.Add(field, true);
        }

        return data;
    }

    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN); the PostgreSQL twin is DealListPlanPostgreSqlTests")]
    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task SearchAsync_FirstPageAndThePageAfterACursor_ReadInTheOrderOfAnIndex(DealSortField sort, bool descending)
    {
        var filter = new DealFilter { Sort = sort, Descending = descending };
        var recording = synthetic.Record();
        var first = await recording.Service.SearchAsync(filter, new DealPageRequest(), TestContext.Current.CancellationToken);
        await AssertIndexOrderAsync(recording, $"{sort} {(descending ? "desc" : "asc")}, first page");

        // A cursor in the middle of the list, with rows sharing its key on both sides for the coarse keys.
        var middle = await recording.Service.SearchAsync(filter, new DealPageRequest { Skip = 1_000, PageSize = 1 }, TestContext.Current.CancellationToken);
        recording.Clear();
        var after = await recording.Service.SearchAsync(filter, new DealPageRequest { After = middle.Next }, TestContext.Current.CancellationToken);

        Assert.Equal(25, first.Items.Count);
        Assert.Equal(25, after.Items.Count);
        await AssertIndexOrderAsync(recording, $"{sort} {(descending ? "desc" : "asc")}, after a cursor");
    }

    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN); the PostgreSQL twin is DealListPlanPostgreSqlTests")]
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SearchAsync_AmountRangeSortedByAmount_ReadsTheRangeInTheAmountIndexOrder(bool descending)
    {
        var filter = new DealFilter { Sort = DealSortField.Amount, Descending = descending, MinAmount = 1_000_000_000 };
        var recording = synthetic.Record();

        await recording.Service.SearchAsync(filter, new DealPageRequest(), TestContext.Current.CancellationToken);

        await AssertIndexOrderAsync(recording, "amount range by amount");
    }

    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN); the PostgreSQL twin is DealListPlanPostgreSqlTests")]
    [Theory]
    [InlineData(DealStatus.InTalks, DealSortField.Announced)]
    [InlineData(DealStatus.Rumored, DealSortField.Title)]
    public async Task SearchAsync_StatusFilterInAnotherSort_WalksTheSortIndexAndFiltersOnTheWay(DealStatus status, DealSortField sort)
    {
        // The list's everyday view: a status chip clicked on the default sort. SQLite walks the sort's index and keeps the
        // rows of that status, so a page stops after its 26th row; a rare status walks further, but never sorts.
        var filter = new DealFilter { Statuses = [status], Sort = sort };
        var recording = synthetic.Record();

        await recording.Service.SearchAsync(filter, new DealPageRequest(), TestContext.Current.CancellationToken);

        await AssertIndexOrderAsync(recording, $"{status} by {sort}");
    }

    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN); the PostgreSQL twin is DealListPlanPostgreSqlTests")]
    [Fact]
    public async Task CountAsync_EveryDeal_ReadsTheKeptCount()
    {
        var recording = synthetic.Record();

        var count = await recording.Service.CountAsync(new DealFilter(), TestContext.Current.CancellationToken);

        Assert.Equal(new DealCount(SyntheticDeals.DealCount, IsAtLeast: false), count);
        var sql = Assert.Single(recording.Commands);
        Assert.Contains("\"DashboardCounts\"", sql, StringComparison.Ordinal);
        var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
        Assert.Empty(QueryPlans.FullScans(plan));
    }

    [Theory]
    [InlineData(DealStatus.InTalks)]
    [InlineData(DealStatus.Completed, DealStatus.Abandoned)]
    public async Task CountAsync_Statuses_ReadsTheKeptCountsOfTheDealsThatAreLive(params DealStatus[] statuses)
    {
        var recording = synthetic.Record();

        var count = await recording.Service.CountAsync(new DealFilter { Statuses = statuses }, TestContext.Current.CancellationToken);

        Assert.Equal(synthetic.Deals.Count(d => d.DeletedAt is null && statuses.Contains(d.Status)), count.Value);
        Assert.Contains("\"DashboardCounts\"", Assert.Single(recording.Commands), StringComparison.Ordinal);
    }

    [SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN); the PostgreSQL twin is DealListPlanPostgreSqlTests")]
    [Fact]
    public async Task CountAsync_AmountRange_CountsIndexEntriesUpToTheCap()
    {
        var filter = new DealFilter { MinAmount = 1_000_000, MaxAmount = 2_000_000_000 };
        var recording = synthetic.Record();

        var count = await recording.Service.CountAsync(filter, TestContext.Current.CancellationToken);

        var expected = synthetic.Deals.Count(d => d.DeletedAt is null && (d.AmountHigh ?? d.AmountLow) >= filter.MinAmount && (d.AmountLow ?? d.AmountHigh) <= filter.MaxAmount);
        Assert.Equal(new DealCount(expected, IsAtLeast: false), count);
        var sql = Assert.Single(recording.Commands);
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
        var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
        Assert.Empty(QueryPlans.FullScans(plan));
    }

    // The page's rows, with the investors each row keeps, come from its commands: no full scan and no temporary B-tree in any.
    private async Task AssertIndexOrderAsync(RecordingDeals recording, string what)
    {
        Assert.NotEmpty(recording.Commands);
        foreach (var sql in recording.Commands)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            var described = $"{what}: {string.Join(" | ", plan)}\n{sql}";
            Assert.True(QueryPlans.FullScans(plan).Count == 0, described);
            Assert.DoesNotContain(plan, step => step.Contains(TempBTree, StringComparison.Ordinal));
        }
    }
}
