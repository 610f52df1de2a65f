using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>The dashboard reads only its kept aggregates and indexed rows: each command it runs is asked for its plan.</summary>
[SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN) of the dashboard; no PostgreSQL twin yet (its kept aggregates are checked on both by DashboardAggregateTests)")]
public sealed class DashboardPlanTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    [Fact]
    public async Task GetSummaryAsync_SyntheticDeals_FullyScansNoTableButTheKeptAggregates()
    {
        var recording = synthetic.Record();

        await new DashboardQueries(recording.Contexts).GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(recording.Commands);
        foreach (var sql in recording.Commands)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            var described = $"{sql}\n{string.Join(" | ", plan)}";
            // The kept counts and months are a few dozen rows, read whole.
            if (sql.Contains("FROM \"DashboardCounts\"", StringComparison.Ordinal) || sql.Contains("FROM \"ActivityMonths\"", StringComparison.Ordinal))
            {
                continue;
            }

            // A walk down an index in its order that stops at the first row (the latest valuation) is fine; a scan of a table is not.
            var scans = QueryPlans.FullScans(plan)
                .Where(step => !(sql.Contains("LIMIT 1", StringComparison.Ordinal) && step.Contains(" USING INDEX ", StringComparison.Ordinal)));
            Assert.True(!scans.Any(), described);
            Assert.DoesNotContain("USE TEMP B-TREE FOR ORDER BY", plan);
        }

        Assert.Empty(recording.Warnings);
    }
}
