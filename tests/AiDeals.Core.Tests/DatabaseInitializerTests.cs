using AiDeals.Core.Data;
using AiDeals.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests;

public class DatabaseInitializerTests
{
    [Fact]
    [SqliteOnly("SQLite's journal mode (WAL), a property of its file; PostgreSQL has its own write-ahead log")]
    public async Task InitializeAsync_NewDatabase_IsInWalMode()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        // A plain connection, not the app's: the journal mode is a property of the file.
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string);
    }

    [Fact]
    public async Task InitializeAsync_WithoutDealBook_MigratesAndSeedsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();

        await database.Initializer.InitializeAsync(null, TestContext.Current.CancellationToken);

        await using var db = await database.CreateContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Deals.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    [SqliteOnly("SQLite's busy_timeout pragma; PostgreSQL's writers wait for row locks without one")]
    public async Task ContextConnection_WhenOpened_HasTheBusyTimeout()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var db = await database.CreateContextAsync();

        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        var timeout = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5000L, timeout);
        Assert.Equal(SqlitePragmaInterceptor.BusyTimeoutMilliseconds, Convert.ToInt32(timeout, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    [SqliteOnly("SQLite's pragmas, set once per pooled connection")]
    public async Task ContextConnection_OpenedAgainFromThePool_KeepsItsSettings()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var token = TestContext.Current.CancellationToken;
        for (var open = 0; open < 3; open++)
        {
            await using var db = await database.CreateContextAsync();
            await db.Database.OpenConnectionAsync(token);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            var timeout = Convert.ToInt32(await command.ExecuteScalarAsync(token), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync(token), System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(SqlitePragmaInterceptor.BusyTimeoutMilliseconds, timeout);
            Assert.Equal(1, synchronous); // NORMAL; the default is FULL (2)
        }
    }

    [Fact]
    [SqliteOnly("SQLite's mmap_size pragma")]
    public async Task ContextConnection_WhenOpened_ReadsTheFileThroughMemoryMapping()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var db = await database.CreateContextAsync();

        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size;";
        var mapped = Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(SqlitePragmaInterceptor.MemoryMappedBytes, mapped);
    }

    [Fact]
    public async Task InitializeAsync_NewDatabase_AppliesEveryMigration()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var db = await database.CreateContextAsync();

        var applied = (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(pending);
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration holds: add a migration");
    }

    [Fact]
    [SqliteOnly("EF's migrations lock is a row in SQLite's file that a killed start leaves behind; on PostgreSQL EF's lock is the server's, held by the migrating session and gone with it")]
    public async Task InitializeAsync_MigrationLockLeftByAKilledStart_StartsAndRemovesTheLock()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        // What a start killed inside EF Core's Migrate leaves behind: the lock row it would have deleted on the way out.
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00+00:00');""";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        // EF Core waits for that lock with no end; the app must not, or it would never start again after such a kill.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        await database.Initializer.InitializeAsync(SeedData.DealBookPath, patience.Token);

        await using var db = await database.CreateContextAsync();
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "__EFMigrationsLock" """).SingleAsync(TestContext.Current.CancellationToken));
    }
}
