using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Data.Seeding;

/// <summary>
/// Fills a database with organizations, sources and deals shaped like real ones (a few very active investors and a
/// long tail, targets, umbrellas, ranges, partial dates, participants, citations, valuations and market events), the
/// same rows for the same seed number. For the operators' <c>generate</c> command, tests and benchmarks.
/// </summary>
/// <remarks>
/// Rows go in through prepared SQLite inserts (on PostgreSQL binary COPY, <see cref="SyntheticDataGeneratorPostgreSql"/>)
/// in large transactions, not through the change tracker: a million deals take well under a minute instead of a quarter
/// of an hour. So the rules a save keeps are kept here by hand: versions
/// start at 0 as a created row's do, normalized names are written with the names, no row is soft-deleted, and the
/// whole run is audited as one entry (see <see cref="User"/>), not one per row.
/// </remarks>
public sealed class SyntheticDataGenerator(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>The author of the run's audit entry, which the history lists on the first source the run wrote.</summary>
    public const string User = "synthetic";

    /// <summary>Adds <paramref name="deals"/> deals over <paramref name="organizations"/> new organizations, whatever the database holds already.</summary>
    public async Task<(int Organizations, int Deals)> GenerateAsync(
        int organizations, int deals, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(organizations, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(deals);
        var counts = await GenerateAsync(new SyntheticDataOptions(deals, organizations, seed), progress: null, cancellationToken);
        return (counts.Organizations, counts.Deals);
    }

    /// <summary>
    /// Writes the run's rows after those the database holds, a transaction per <see cref="SyntheticDataOptions.DealsPerTransaction"/>
    /// deals; a run stopped half-way keeps the batches it committed. Reports progress every
    /// <see cref="SyntheticDataOptions.ProgressEvery"/> deals and at the end.
    /// </summary>
    public async Task<SyntheticDataCounts> GenerateAsync(
        SyntheticDataOptions options, IProgress<SyntheticDataProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Organizations, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Deals);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DealsPerTransaction, 1);

        var (postgreSql, configured) = await ConnectionStringAsync(cancellationToken);
        if (postgreSql)
        {
            return await SyntheticDataGeneratorPostgreSql.GenerateAsync(configured, options, progress, cancellationToken);
        }

        // Not pooled: the settings below end with this connection instead of passing to the app's next one.
        var connectionString = new SqliteConnectionStringBuilder(configured) { Pooling = false };
        await using var connection = new SqliteConnection(connectionString.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var pragmas = connection.CreateCommand())
        {
            // No fsync per batch (a crash of the process loses nothing committed; only a power loss mid-run could harm
            // the file); no foreign-key lookups, since the run gives every id itself (the tests check the keys); a
            // large cache; two threads to sort when the indexes are built again.
            pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; "
                + "PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY; PRAGMA threads = 2;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        var indexes = new SyntheticIndexes();
        var aggregates = new SyntheticAggregates();
        var phases = new SyntheticPhases(progress);
        indexes.Drop(connection);
        aggregates.Drop(connection);
        SyntheticDataCounts counts;
        try
        {
            counts = new SyntheticRun(connection, options, progress).Write(cancellationToken);
            phases.Counts = counts;
        }
        finally
        {
            // Also after a failure or a cancellation: the rows committed so far stay, and the app needs its indexes. The
            // free-text index is written once for every deal rather than by its triggers row by row, beside the indexes.
            var search = SyntheticSearchIndex.Start(connection);
            phases.Run("Building the indexes", () => indexes.Restore(connection));
            aggregates.Restore(connection, phases);
            phases.Run("Building the search index", () => search.Finish(connection));
        }

        // Folds the write-ahead log back into the database file, so the run leaves one file of its final size.
        phases.Run("Writing the log into the database file", () =>
        {
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        });

        return counts;
    }

    /// <summary>Deals in the database, deleted ones too: what a generator asked to fill only an empty database checks.</summary>
    public async Task<int> CountDealsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deals.IgnoreQueryFilters().CountAsync(cancellationToken);
    }

    private async Task<(bool PostgreSql, string ConnectionString)> ConnectionStringAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (db.Database.IsNpgsql(), db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database context has no connection string to generate into."));
    }
}
