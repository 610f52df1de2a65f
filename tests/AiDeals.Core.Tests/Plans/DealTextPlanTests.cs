using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// Free text under every sort of the list, alone and with other filters: each command (page, count) starts from the FTS5
/// index's matches and reads each deal by its id, never a scan of the deals or one of their sort indexes; and the page
/// holds the rows the list's LINQ query gives for the same filter and sort.
/// </summary>
[SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN, FTS5); on PostgreSQL DealListPlanPostgreSqlTests checks the GIN index of the text search")]
public sealed class DealTextPlanTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    private const string ByText = "SCAN DealSearch VIRTUAL TABLE INDEX";

    public static TheoryData<string, DealSortField, bool> Cases()
    {
        var data = new TheoryData<string, DealSortField, bool>();
        foreach (var filter in new[] { "text", "text and status", "text and min-max", "text and target" })
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
    public async Task SearchAsync_TextInEachSort_StartsFromTheTextIndexAndReturnsTheListRows(string what, DealSortField sort, bool descending)
    {
        var filter = Filter(what) with { Sort = sort, Descending = descending };
        var recording = synthetic.Record();
        var described = $"{what} by {sort} {(descending ? "desc" : "asc")}";

        var page = await recording.Service.SearchAsync(filter, new DealPageRequest(), TestContext.Current.CancellationToken);
        await recording.Service.CountAsync(filter, TestContext.Current.CancellationToken);

        // Every command but the page's investors (read by deal id): the page and the count; for a text alone, two counts of
        // the index's entries alone besides: the one that decides whether the page walks the sort's index, and the one
        // before the deals' count that makes it needless when they reach the cap.
        var commands = recording.Commands.Where(sql => sql.Contains("DealSearch", StringComparison.Ordinal)).ToList();
        var deciding = commands.Where(sql => sql.StartsWith("WITH q(", StringComparison.Ordinal)
            || sql.StartsWith("SELECT COUNT(*) FROM (SELECT 1 FROM \"DealSearch\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(what == "text" ? 2 : 0, deciding.Count);
        foreach (var sql in deciding)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            Assert.True(QueryPlans.FullScans(plan).Count == 0, $"{described}: {string.Join(" | ", plan)}\n{sql}");
        }

        commands = [.. commands.Except(deciding)];
        Assert.Equal(2, commands.Count);
        foreach (var sql in commands)
        {
            var plan = (await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql)).ToList();
            var text = $"{described}: {string.Join(" | ", plan)}\n{sql}";
            var matches = plan.FindIndex(step => step.Contains(ByText, StringComparison.Ordinal));
            var deals = plan.FindIndex(step => step.EndsWith("USING INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal));
            Assert.True(matches >= 0 && deals > matches, text);
            Assert.True(QueryPlans.FullScans(plan).Count == 0, text);
            Assert.DoesNotContain(plan, step => step.Contains("IX_Deals_DeletedAt_", StringComparison.Ordinal));
        }

        var expected = await synthetic.Database.Deals.SearchAsync(filter, new PageRequest(0, 25), TestContext.Current.CancellationToken);
        Assert.NotEmpty(expected.Items);
        Assert.Equal(expected.Items.Select(d => d.Id), page.Items.Select(d => d.Id));
    }

    [Theory]
    [InlineData("text and status")]
    [InlineData("text and target")]
    public async Task TotalAsync_TextCountJustRead_SearchesTheTextIndexOnce(string what)
    {
        var filter = Filter(what);
        var count = await synthetic.Record().Service.CountAsync(filter, TestContext.Current.CancellationToken);
        Assert.False(count.IsAtLeast);
        var recording = synthetic.Record();

        var total = await recording.Service.TotalAsync(filter, count, TestContext.Current.CancellationToken);

        // One search gives the figures, the deals left out and the wider deals; their parts are read by the matches' ids.
        // The sum, the wider deals and the deals left out each searched the index again.
        var searches = recording.Commands.Where(sql => sql.Contains("DealSearch", StringComparison.Ordinal)).ToList();
        Assert.Single(searches);
        Assert.Equal(count.Value, total!.CountedInFull + total.LeftOut + total.WiderDeals);
    }

    private DealFilter Filter(string what)
    {
        var target = synthetic.Deals.Where(d => d.Target is not null).GroupBy(d => d.Target!.Slug).OrderByDescending(g => g.Count()).First().Key;
        return what switch
        {
            // "Generated deal …" is in a third of the deals' notes; "debt" in the titles of the debt deals.
            "text" => new DealFilter { Text = "generated deal" },
            "text and status" => new DealFilter { Text = "debt", Statuses = [DealStatus.InTalks, DealStatus.Announced] },
            "text and min-max" => new DealFilter { Text = "generated", MinAmount = 50_000_000, MaxAmount = 2_000_000_000 },
            _ => new DealFilter { Text = "generated", Targets = [target] },
        };
    }
}
