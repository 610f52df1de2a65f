using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Plans;

/// <summary>
/// The export reads each batch's citations and sources from one index without visiting a citation's row, and its
/// participants' organizations and roles likewise (the rows only of those that give an amount, by key): the batch
/// commands of a whole export are asked for their plans.
/// </summary>
[SqliteOnly("Reads SQLite's plans (EXPLAIN QUERY PLAN) of the export's batch reads; no PostgreSQL twin yet")]
public sealed class ExportPlanTests(SyntheticDeals synthetic) : IClassFixture<SyntheticDeals>
{
    [Fact]
    public async Task ExportAsync_EveryDeal_ReadsEachBatchsCitationsAndParticipantsFromTheIndexAloneAndNoBatchScansATable()
    {
        var recording = synthetic.Record();

        var rows = 0;
        await foreach (var _ in recording.Service.ExportAsync(new DealFilter(), TestContext.Current.CancellationToken))
        {
            rows++;
        }

        var citations = recording.Commands.Where(sql => sql.Contains("FROM \"Citations\" AS c", StringComparison.Ordinal)).ToList();
        var participants = recording.Commands.Where(sql => sql.Contains("FROM \"DealParticipants\" AS p", StringComparison.Ordinal)).ToList();
        Assert.Equal(synthetic.Deals.Count, rows);
        Assert.NotEmpty(citations);
        Assert.NotEmpty(participants);
        foreach (var sql in citations)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            Assert.True(plan.Any(step => step.Contains("USING COVERING INDEX IX_Citations_DealId_DeletedAt_SourceId", StringComparison.Ordinal)), string.Join(" | ", plan));
        }

        var byDeal = participants.Where(sql => sql.Contains("p.\"DealId\" IN (", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(byDeal);
        foreach (var sql in byDeal)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            Assert.True(plan.Any(step => step.Contains("USING COVERING INDEX IX_DealParticipants_DealId_DeletedAt_OrganizationId_Role", StringComparison.Ordinal)), string.Join(" | ", plan));
        }

        // The amounts of those that give one are read by key.
        Assert.Contains(participants, sql => sql.Contains("p.\"Id\" IN (", StringComparison.Ordinal));

        // The names and URLs are read whole once an export, by design (ExportNames); each batch's reads search by key.
        foreach (var sql in citations.Concat(participants))
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            Assert.True(QueryPlans.FullScans(plan).Count == 0, $"{string.Join(" | ", plan)}\n{sql}");
        }

        Assert.Empty(recording.Warnings);
    }

    [Fact]
    public async Task ExportAsync_OneInvestorsDeals_ReadsTheNamesOfItsOwnRowsOnlyAndNoCommandScansATable()
    {
        var investor = synthetic.Deals.SelectMany(d => d.Participants).GroupBy(p => p.Organization!.Slug).OrderByDescending(g => g.Count()).First();
        var recording = synthetic.Record();

        var rows = new List<DealExportRow>();
        await foreach (var row in recording.Service.ExportAsync(new DealFilter { Investors = [investor.Key] }, TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        Assert.Equal(investor.Select(p => p.DealId).Distinct().Count(), rows.Count);
        Assert.All(rows, row => Assert.Contains(investor.First().Organization!.Name, row.Investors));
        var names = recording.Commands.Where(sql => sql.Contains("FROM \"Organizations\" AS o", StringComparison.Ordinal) && sql.Contains("o.\"Name\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(names);
        foreach (var sql in recording.Commands)
        {
            var plan = await QueryPlans.ExplainAsync(synthetic.Database.ConnectionString, sql);
            Assert.True(QueryPlans.FullScans(plan).Count == 0, $"{string.Join(" | ", plan)}\n{sql}");
        }
    }
}
