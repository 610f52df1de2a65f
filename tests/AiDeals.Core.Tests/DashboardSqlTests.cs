using AiDeals.Core.Data;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests;

/// <summary>
/// The dashboard reads the aggregates the database keeps, and two indexed rows: no statement of a dashboard request
/// groups, sums or counts the deals or their participants, which at a million deals took seconds.
/// </summary>
public class DashboardSqlTests
{
    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_ReadsKeptAggregatesWithoutScanningDeals()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var log = new SqlLog();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug))
            .AddAiDealsCore(database.Settings)
            .BuildServiceProvider();

        await services.GetRequiredService<DashboardQueries>().GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Empty(log.Warnings);
        var commands = log.Commands;
        Assert.Contains(commands, c => c.Contains("FROM \"DashboardCounts\"", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("FROM \"ActivityMonths\"", StringComparison.Ordinal));
        // Capital by investor: the kept totals, top N cut in SQL.
        Assert.Contains(commands, c => c.Contains("FROM \"OrganizationTotals\"", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("GROUP BY", StringComparison.Ordinal) || c.Contains("SUM(", StringComparison.Ordinal) || c.Contains("COUNT(", StringComparison.Ordinal));
        // Largest deal and latest valuation: one row each.
        Assert.Equal(2, commands.Count(c => c.Contains("ORDER BY", StringComparison.Ordinal) && c.Contains("LIMIT 1", StringComparison.Ordinal)));
    }
}
