using Npgsql;

namespace AiDeals.Core.Data;

/// <summary>
/// On PostgreSQL, instances that start together take turns through their start-up (migrations, the deal book, the
/// accounts, the first login key), so a new database is seeded once and gets one first key that all of them use.
/// On SQLite one process owns the file: there is nothing to take turns with.
/// </summary>
public static class StartupLock
{
    // Advisory lock keys are the application's own 64-bit namespace in the database; this one is "AiDeals" in ASCII.
    private const long Key = 0x41_69_44_65_61_6C_73;

    private sealed class NoLock : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Waits for the lock; disposing the result releases it (closing its connection would too).</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(DatabaseSettings database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsPostgreSql)
        {
            return new NoLock();
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            ApplicationName = "AiDeals start-up",
        }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The database is not there yet: the migrations create it. Only a first start can meet this.
            await connection.DisposeAsync();
            return new NoLock();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
