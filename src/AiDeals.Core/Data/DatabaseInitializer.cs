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

            await db.Database.MigrateAsync(cancellationToken);

            // WAL lets readers go on while one analyst writes; the mode is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
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
}
