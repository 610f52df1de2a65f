using System.Globalization;
using AiDeals.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Data;

/// <summary>Brings the database to the current schema and seeds the article's deal book into an empty one.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AiDealsDbContext> contextFactory,
    DealBookLoader loader,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(string? dealBookPath, CancellationToken cancellationToken = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
            }

            var sqlite = db.Database.IsSqlite();
            if (sqlite)
            {
                await RemoveStaleMigrationLockAsync(db, cancellationToken);
            }

            // With nothing to apply, Migrate would read the history again and take and release its lock on every start.
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            // WAL lets readers go on while one analyst writes; the mode is stored in the database file. (PostgreSQL's
            // readers never wait for a writer, and its migrations lock is a session's advisory lock, gone with the session.)
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
        }

        if (dealBookPath is null)
        {
            return;
        }

        var result = await loader.LoadIfEmptyAsync(dealBookPath, cancellationToken);
        if (result.Loaded)
        {
            logger.LogInformation(
                "Seeded the deal book {Path}: {Organizations} organizations, {Deals} deals, {Valuations} valuations, {Events} market events",
                dealBookPath, result.Organizations, result.Deals, result.Valuations, result.MarketEvents);
        }
    }

    /// <summary>
    /// EF Core's SQLite migrations lock is a row in <c>__EFMigrationsLock</c>, written on the way in and deleted on the way
    /// out; a start killed in between (a SIGKILL, a container stopped, power lost) leaves it, and every later start then
    /// waits for it forever. One app process owns the database file and this runs before it migrates, so a row found
    /// here was left by a start that is no longer running: remove it. (Two processes migrating one file at the same moment
    /// is not a set-up the app supports.)
    /// </summary>
    private async Task RemoveStaleMigrationLockAsync(AiDealsDbContext db, CancellationToken cancellationToken)
    {
        // A plain command rather than a LINQ query: this runs on every start, where each new query shape costs a compilation.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock';";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            var removed = await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsLock";""", cancellationToken);
            if (removed > 0)
            {
                logger.LogWarning("Removed a migrations lock left by an earlier start that did not finish (the process was stopped while migrating)");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
