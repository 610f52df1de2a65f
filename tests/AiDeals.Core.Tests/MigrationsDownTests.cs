using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AiDeals.Core.Tests;

/// <summary>
/// PostgreSQL's migrations undone to nothing leave nothing of theirs behind (tables, functions, extensions), so that
/// migrating up again works and gives a working database: the triggers keep the aggregates of a seeded deal book.
/// </summary>
public sealed class MigrationsDownTests
{
    /// <summary>Whether this run is on PostgreSQL.</summary>
    public static bool OnPostgreSql => TestDatabase.OnPostgreSql;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string OnlyOnPostgreSql = "PostgreSQL's migrations only: SQLite's Down of the initial schema is not "
        + "reversible today (dropping DealParticipants fails in the trigger TR_Deals_Insert_ListKeys); a SQLite database is backed up as a file";

    [Fact(SkipUnless = nameof(OnPostgreSql), Skip = OnlyOnPostgreSql)]
    [PostgreSqlOnly(OnlyOnPostgreSql)]
    public async Task Migrate_UpDownToNothingAndUpAgain_LeavesNothingBehindAndWorksAgain()
    {
        await using var database = TestDatabase.AtNewPath();
        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(cancellationToken: Token);
            Assert.Contains("table Deals", await ObjectsAsync(database));

            await migrator.MigrateAsync(Migration.InitialDatabase, Token);
            Assert.Empty(await ObjectsAsync(database));

            await migrator.MigrateAsync(cancellationToken: Token);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));
        }

        await database.Initializer.InitializeAsync(SeedData.DealBookPath, Token);
        await using (var db = await database.CreateContextAsync())
        {
            Assert.True(await db.Deals.CountAsync(Token) > 0, "The deal book was not seeded.");
        }

        await AggregateCheck.AssertMatchRecomputationAsync(database, "migrating up again and seeding");
    }

    /// <summary>What the migrations make, by kind and name, but for EF's own history and lock tables.</summary>
    private static async Task<List<string>> ObjectsAsync(TestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
                SELECT 'table ' || c.relname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p')
                    AND c.relname NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
                UNION ALL SELECT 'function ' || p.proname FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace
                    WHERE n.nspname = current_schema()
                UNION ALL SELECT 'type ' || t.typname FROM pg_type AS t JOIN pg_namespace AS n ON n.oid = t.typnamespace
                    WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (
                        SELECT 1 FROM pg_class AS c WHERE c.oid = t.typrelid AND c.relname IN ('__EFMigrationsHistory', '__EFMigrationsLock'))
                UNION ALL SELECT 'extension ' || e.extname FROM pg_extension AS e WHERE e.extname <> 'plpgsql'
                """;
        var objects = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            objects.Add(reader.GetString(0));
        }

        return objects;
    }
}
