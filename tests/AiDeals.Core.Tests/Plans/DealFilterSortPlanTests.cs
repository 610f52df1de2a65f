using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// Every filter on the deals' own columns under every sort of the list, each way: the page walks the sort's index and
/// keeps the matching rows on the way (no temporary B-tree, no full scan), its count searches an index, and the page
/// holds the rows the list's LINQ query gives for the same filter and sort. The investor and target filters start from
/// their own indexes instead (see <see cref="DealFilterPlanTests"/>), as free text starts from its FTS5 index (see
/// <see cref="DealTextPlanTests"/>).
/// </summary>
[SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN); the PostgreSQL plans of the list's sorts are in DealListPlanPostgreSqlTests")]
public sealed class DealFilterSortPlanTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    private const string TempBTree = "USE TEMP B-TREE";

    public static TheoryData<string, DealSortField, bool> Cases()
    {
        var data = new TheoryData<string, DealSortField, bool>();
        foreach (var filter in new[] { "status", "kind", "from", "to", "from-to", "min", "max", "min-max", "status and min-max" })
        {
            foreach (var sort in Enum.GetValues<DealSortField>())
            {
                data.Add(filter, sort, false);
                data.Add(filter, sort, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SearchAsync_FilterInEachSort_WalksTheSortIndexAndReturnsTheListRows(string what, DealSortField sort, bool descending)
    {
        var filter = Filter(what) with { Sort = sort, Descending = descending };
        var recording = synthetic.Record();
        var described = $"{what} by {sort} {(descending ? "desc" : "asc")}";

        var page = await recording.Service.SearchAsync(filter, new DealPageRequest(), TestContext.Current.CancellationToken);
        var pageCommands = recording.Commands;
        recording.Clear();
        await recording.Service.CountAsync(filter, TestContext.Current.CancellationToken);

        // The page's rows carry their investors (kept on the deal's row): every command of the page walks an index.
        Assert.NotEmpty(pageCommands);
        foreach (var sql in pageCommands)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            Assert.True(QueryPlans.FullScans(plan).Count == 0, $"{described}: {string.Join(" | ", plan)}\n{sql}");
            Assert.False(plan.Any(step => step.Contains(TempBTree, StringComparison.Ordinal)), $"{described}: {string.Join(" | ", plan)}\n{sql}");
        }

        var count = Assert.Single(recording.Commands);
        var countPlan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, count);
        Assert.True(QueryPlans.FullScans(countPlan).Count == 0, $"{described}, count: {string.Join(" | ", countPlan)}");

        var expected = await synthetic.Database.Deals.SearchAsync(filter, new PageRequest(0, 25), TestContext.Current.CancellationToken);
        Assert.NotEmpty(expected.Items);
        Assert.Equal(expected.Items, page.Items, SameDeal);
    }

    private static bool SameDeal(DealSummary left, DealSummary right) =>
        left.Id == right.Id && left.Title == right.Title && left.Target == right.Target && left.Investors.SequenceEqual(right.Investors)
        && left.Status == right.Status && left.Kind == right.Kind && left.Amount == right.Amount && left.Announced == right.Announced
        && left.IsUmbrella == right.IsUmbrella;

    private static DealFilter Filter(string what) => what switch
    {
        "status" => new DealFilter { Statuses = [DealStatus.InTalks] },
        "kind" => new DealFilter { Kinds = [DealKind.Debt, DealKind.Grant] },
        "from" => new DealFilter { AnnouncedFrom = new DateOnly(2020, 2, 15) },
        "to" => new DealFilter { AnnouncedTo = new DateOnly(2021, 6, 30) },
        "from-to" => new DealFilter { AnnouncedFrom = new DateOnly(2019, 1, 1), AnnouncedTo = new DateOnly(2023, 12, 31) },
        "min" => new DealFilter { MinAmount = 100_000_000 },
        "max" => new DealFilter { MaxAmount = 500_000_000 },
        "min-max" => new DealFilter { MinAmount = 50_000_000, MaxAmount = 2_000_000_000 },
        _ => new DealFilter { Statuses = [DealStatus.Announced, DealStatus.Completed], MinAmount = 10_000_000, MaxAmount = 5_000_000_000 },
    };
}
