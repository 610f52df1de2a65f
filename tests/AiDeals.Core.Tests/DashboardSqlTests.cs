using AiDeals.Core.Data;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests;

/// <summary>The dashboard's aggregates are computed by SQLite, not by reading rows into memory and adding them up.</summary>
public class DashboardSqlTests
{
    [Fact]
    public async Task GetSummaryAsync_ArticleDealBook_AggregatesInSqlWithoutWarnings()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var log = new SqlLog();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug))
            .AddAiDealsCore(database.ConnectionString)
            .BuildServiceProvider();

        await services.GetRequiredService<DashboardQueries>().GetSummaryAsync(TestContext.Current.CancellationToken);

        Assert.Empty(log.Warnings);
        var commands = log.Commands;
        // Capital and leaves: sums over deals with no non-deleted child, in one statement.
        Assert.Contains(commands, c => c.Contains("SUM(", StringComparison.Ordinal) && c.Contains("NOT EXISTS", StringComparison.Ordinal) && c.Contains("\"DeletedAt\" IS NULL", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("GROUP BY \"d\".\"Status\"", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("GROUP BY \"d\".\"Kind\"", StringComparison.Ordinal));
        // Capital by investor: grouped and summed per organization, top N cut in SQL.
        Assert.Contains(commands, c => c.Contains("FROM \"DealParticipants\"", StringComparison.Ordinal) && c.Contains("GROUP BY", StringComparison.Ordinal)
            && c.Contains("SUM(", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal));
        // Activity: months grouped by the database's date functions.
        Assert.Equal(2, commands.Count(c => c.Contains("GROUP BY", StringComparison.Ordinal) && c.Contains("strftime", StringComparison.Ordinal)));
        // Largest deal and latest valuation: one row each.
        Assert.Equal(2, commands.Count(c => c.Contains("ORDER BY", StringComparison.Ordinal) && c.Contains("LIMIT 1", StringComparison.Ordinal)));
    }
}
