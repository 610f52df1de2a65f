using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// The deal list filtered by investor or target reads that organization's rows through an index, never every deal:
/// each command the list runs (count, page, the page's investors) is asked for its plan.
/// </summary>
[SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN); on PostgreSQL the same filters' results are checked against LINQ in DealFilterSyntheticTests")]
public sealed class DealFilterPlanTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    private const string ParticipantsByOrganization = "IX_DealParticipants_OrganizationId_DealId_DeletedAt (OrganizationId=?";

    public static TheoryData<string> Filters => ["investor", "two investors", "investor and status", "target", "target and status", "investor and target"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task SearchAsync_ByOrganization_NoCommandScansATable(string what)
    {
        var filter = Filter(what);
        var recording = synthetic.Record();

        var result = await recording.Service.SearchAsync(filter, new PageRequest(0, 25), TestContext.Current.CancellationToken);

        Assert.NotEmpty(recording.Commands);
        foreach (var sql in recording.Commands)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            Assert.True(QueryPlans.FullScans(plan).Count == 0, $"{what}: {string.Join(" | ", plan)}\n{sql}");
        }

        Assert.Equal(Expected(filter).Count, result.TotalCount);
    }

    [Theory]
    [InlineData("investor")]
    [InlineData("two investors")]
    [InlineData("investor and target")]
    public async Task SearchAsync_ByInvestor_SortsTheDealsFoundByTheirKeysAndReadsOnlyThePageWhole(string what)
    {
        var recording = synthetic.Record();

        await recording.Service.SearchAsync(Filter(what), new DealPageRequest(), TestContext.Current.CancellationToken);

        // The page's command: the deals found are sorted in a subquery of their own, and each row's target (and whether
        // it is a wider deal) is looked up after it, for the page's rows only, not for every deal found.
        var sql = recording.Commands.First(text => ReadsDeals(text) && text.Contains("LIMIT", StringComparison.Ordinal));
        var plan = (await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql)).ToList();
        var described = $"{what}: {string.Join(" | ", plan)}\n{sql}";
        Assert.True(plan.Any(step => step.StartsWith("CO-ROUTINE page", StringComparison.Ordinal) || step.StartsWith("MATERIALIZE page", StringComparison.Ordinal)), described);
        var sorted = plan.FindIndex(step => step.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        var targets = plan.FindIndex(step => step.StartsWith("SEARCH t ", StringComparison.Ordinal));
        Assert.True(sorted >= 0 && targets > sorted, described);
    }

    [Theory]
    [InlineData("investor")]
    [InlineData("two investors")]
    [InlineData("investor and status")]
    public async Task SearchAsync_ByInvestor_StartsFromTheInvestorsParticipations(string what)
    {
        var recording = synthetic.Record();

        await recording.Service.SearchAsync(Filter(what), new PageRequest(0, 25), TestContext.Current.CancellationToken);

        // The count and the page: the participants are searched by organization first, and each deal is then read by
        // its id, never by walking one of the deals' own indexes.
        foreach (var sql in recording.Commands.Where(ReadsDeals).Take(2))
        {
            var plan = (await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql)).ToList();
            var described = $"{what}: {string.Join(" | ", plan)}";
            var participants = plan.FindIndex(step => step.Contains(ParticipantsByOrganization, StringComparison.Ordinal));
            var deals = plan.FindIndex(step => step.EndsWith("USING INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal));
            Assert.True(participants >= 0 && deals > participants, described);
            Assert.DoesNotContain(plan, step => step.Contains("IX_Deals_DeletedAt_", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("investor")]
    [InlineData("investor and status")]
    [InlineData("target")]
    public async Task TotalAsync_ByOrganization_NoCommandWalksEveryDeal(string what)
    {
        var filter = Filter(what);
        var recording = synthetic.Record();

        var total = await recording.Service.TotalAsync(filter, TestContext.Current.CancellationToken);

        // The count, the figures of the matches (with the deals left out and which are wider), then the wider deals'
        // parts by the matches' ids: each from the organization's few deals. Finding the wider deals' parts used to walk
        // every live deal on the deals' own index.
        Assert.True(recording.Commands.Count >= 3, string.Join("\n", recording.Commands));
        foreach (var sql in recording.Commands)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            var described = $"{what}: {string.Join(" | ", plan)}\n{sql}";
            Assert.True(QueryPlans.FullScans(plan).Count == 0, described);
            Assert.DoesNotContain(plan, step => step.Contains("IX_Deals_DeletedAt_", StringComparison.Ordinal));
        }

        Assert.Equal(Expected(filter).Count, total!.CountedInFull + total.LeftOut + total.WiderDeals);
    }

    [Fact]
    public async Task TotalAsync_CountJustRead_GivesTheSameTotalWithoutCountingAgain()
    {
        var filter = Filter("investor");
        var recording = synthetic.Record();
        var count = await recording.Service.CountAsync(filter, TestContext.Current.CancellationToken);
        var counting = recording.Commands.Count;

        var total = await recording.Service.TotalAsync(filter, count, TestContext.Current.CancellationToken);

        var commands = recording.Commands.Skip(counting).ToList();
        Assert.False(count.IsAtLeast);
        Assert.Equal(await synthetic.Record().Service.TotalAsync(filter, TestContext.Current.CancellationToken), total);
        Assert.NotEmpty(commands);
        Assert.DoesNotContain(commands, sql => sql.StartsWith("SELECT COUNT(*) FROM (SELECT 1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TotalAsync_CountPastTheCap_IsNoneWithoutACommand()
    {
        var recording = synthetic.Record();

        var total = await recording.Service.TotalAsync(new DealFilter(), new DealCount(DealCount.Cap, IsAtLeast: true), TestContext.Current.CancellationToken);

        Assert.Null(total);
        Assert.Empty(recording.Commands);
    }

    private DealFilter Filter(string what)
    {
        var busiest = synthetic.Deals.SelectMany(d => d.Participants).GroupBy(p => p.Organization!.Slug).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var target = synthetic.Deals.Where(d => d.Target is not null).GroupBy(d => d.Target!.Slug).OrderByDescending(g => g.Count()).First().Key;
        return what switch
        {
            "investor" => new DealFilter { Investors = [busiest[0]] },
            "two investors" => new DealFilter { Investors = [busiest[0], busiest[1]] },
            "investor and status" => new DealFilter { Investors = [busiest[0]], Statuses = [DealStatus.Completed] },
            "target" => new DealFilter { Targets = [target] },
            "target and status" => new DealFilter { Targets = [target], Statuses = [DealStatus.Announced] },
            _ => new DealFilter { Investors = [busiest[0]], Targets = [target] },
        };
    }

    // The count's and the page's commands; not those that tell whether the investors' page walks the sort's index.
    private static bool ReadsDeals(string sql) => sql.Contains("\"Deals\" AS d", StringComparison.Ordinal);

    // The same filter over the deals in memory, so that the faster shape is also shown to find the same deals.
    private List<Deal> Expected(DealFilter filter) =>
        [.. synthetic.Deals.Where(d => d.DeletedAt is null
            && (filter.Investors.Count == 0 || d.Participants.Any(p => p.DeletedAt is null && p.Organization!.DeletedAt is null && filter.Investors.Contains(p.Organization.Slug)))
            && (filter.Targets.Count == 0 || (d.Target is not null && filter.Targets.Contains(d.Target.Slug)))
            && (filter.Statuses.Count == 0 || filter.Statuses.Contains(d.Status)))];
}
