using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// The investor and target pickers count from one index in its order, and an organization's profile reads only that
/// organization's rows: each command they run is asked for its plan.
/// </summary>
[SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN) of the profile and the picker; no PostgreSQL twin yet")]
public sealed class OrganizationPlanTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    [Theory]
    [InlineData("investors", "USING COVERING INDEX IX_DealParticipants_OrganizationId_DealId_DeletedAt")]
    [InlineData("targets", "USING COVERING INDEX IX_Deals_TargetId_DeletedAt")]
    public async Task PickerWithNoText_CountsFromOneIndexInItsOrderWithoutJoiningEachRow(string picker, string index)
    {
        var recording = synthetic.Record();
        var lookups = new OrganizationLookups(recording.Contexts);

        var options = picker == "investors"
            ? await lookups.InvestorsAsync(cancellationToken: TestContext.Current.CancellationToken)
            : await lookups.TargetsAsync(cancellationToken: TestContext.Current.CancellationToken);

        var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, recording.Commands[0]);
        var described = $"{picker}: {string.Join(" | ", plan)}";
        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain("USE TEMP B-TREE FOR GROUP BY", plan);

        // The only other read of the deals is the deleted ones, a range of the DeletedAt index; no deal is read by id.
        Assert.DoesNotContain(plan, step => step.Contains("IX_Deals_DeletedAt_", StringComparison.Ordinal) && !step.EndsWith("(DeletedAt>?)", StringComparison.Ordinal));
        Assert.True(plan.All(step => !step.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal) || step.StartsWith("SEARCH o", StringComparison.Ordinal)), described);
        Assert.Equal(OrganizationLookups.DefaultLimit, options.Count);
        Assert.Empty(recording.Warnings);
    }

    [Fact]
    public async Task GetProfileAsync_BusyInvestorAndTarget_NoCommandButTheEventsScansATable()
    {
        var investor = synthetic.Deals.SelectMany(d => d.Participants).GroupBy(p => p.Organization!.Slug).OrderByDescending(g => g.Count()).First().Key;
        var target = synthetic.Deals.Where(d => d.Target is not null).GroupBy(d => d.Target!.Slug).OrderByDescending(g => g.Count()).First().Key;
        foreach (var slug in new[] { investor, target })
        {
            var recording = synthetic.Record();

            var profile = await new OrganizationProfileQueries(recording.Contexts).GetProfileAsync(slug, TestContext.Current.CancellationToken);

            Assert.NotNull(profile);

            // The market events of the profile are the one read still left to index (it walks every event by date).
            Assert.Contains(recording.Commands, sql => sql.Contains("FROM \"MarketEvents\" AS \"m\"", StringComparison.Ordinal));
            foreach (var sql in recording.Commands.Where(sql => !sql.Contains("FROM \"MarketEvents\" AS \"m\"", StringComparison.Ordinal)))
            {
                var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
                Assert.True(QueryPlans.FullScans(plan).Count == 0, $"{slug}: {string.Join(" | ", plan)}\n{sql}");
            }

            Assert.Empty(recording.Warnings);
        }
    }
}
