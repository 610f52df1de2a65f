using AiDeals.Core.Data.Aggregates;
using AiDeals.Core.Data.Search;
using AiDeals.Core.Features.Deals;
using Npgsql;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// <see cref="SyntheticDataGenerator"/>'s run on PostgreSQL: the same rows for the same seed (the same
/// <see cref="SyntheticRun"/>), each batch of deals copied in with binary COPY in a transaction of its own
/// (<see cref="BulkCopyPostgreSql"/>), then in one transaction what the triggers would have kept: the identity sequences
/// moved past the ids the run gave, the dashboard's aggregates, the wider deals' rests and the free-text entries.
/// </summary>
internal static class SyntheticDataGeneratorPostgreSql
{
    // The tables whose ids the run gives itself (the others' rows take theirs from their sequences).
    private static readonly string[] GivenIds =
        ["Organizations", "OrganizationAliases", "Sources", "Deals", "DealParticipants", "Citations", "Valuations", "MarketEvents"];

    public static async Task<SyntheticDataCounts> GenerateAsync(
        string connectionString, SyntheticDataOptions options, IProgress<SyntheticDataProgress>? progress, CancellationToken cancellationToken)
    {
        // Not pooled: the setting below ends with this connection. A commit that waits for no flush loses, in a crash of
        // the server, at most the last batches, which the run reports as not written; it never harms the database. No
        // command timeout: a million deals' COPY or recount takes longer than the app's 30 seconds.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 };
        await using var connection = new NpgsqlConnection(unpooled.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SET synchronous_commit = off", cancellationToken);

        var phases = new SyntheticPhases(progress);
        SyntheticDataCounts counts;
        try
        {
            counts = new SyntheticRun(connection, options, progress).Write(cancellationToken);
            phases.Counts = counts;
        }
        finally
        {
            // Also after a failure or a cancellation: the batches committed so far stay, and the app needs what they imply.
            // Statistics first: tables the planner still believes empty would be joined row by row in the recounts.
            await phases.RunAsync("Gathering the tables' statistics", () => ExecuteAsync(connection, null, "ANALYZE", CancellationToken.None));
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            await ExecuteAsync(connection, transaction, SequencesPastTheIds, CancellationToken.None);
            await phases.RunAsync("Counting the dashboard's aggregates", () =>
                ExecuteAsync(connection, transaction, AggregateSqlPostgreSql.Rebuild, CancellationToken.None));
            await phases.RunAsync("Counting the wider deals' rests", () =>
                UnionRests.RebuildAsync(connection, transaction, CancellationToken.None));
            await phases.RunAsync("Building the search index", () =>
                ExecuteAsync(connection, transaction, DealSearchSqlPostgreSql.Rebuild, CancellationToken.None));
            await phases.RunAsync("Committing", () => transaction.CommitAsync(CancellationToken.None));
        }

        // Statistics of what the recounts wrote, so that the app's first queries are planned on what is there.
        await phases.RunAsync("Gathering the new rows' statistics", () => ExecuteAsync(connection, null,
            "ANALYZE \"DealSearch\", \"OrganizationTotals\", \"DashboardCounts\", \"ActivityMonths\", \"UnionRests\"", cancellationToken));
        return counts;
    }

    // setval(…, max, true): the next id is max + 1; on an empty table setval(…, 1, false): the next id is 1.
    private static string SequencesPastTheIds => string.Join("\n", GivenIds.Select(table =>
        $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE(MAX(\"Id\"), 1), MAX(\"Id\") IS NOT NULL) FROM \"{table}\";"));

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
