using AiDeals.Core.Data;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using AiDeals.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// A real database wired the way the app wires it (<c>AddAiDealsCore</c>), deleted afterwards: a SQLite file in the temp
/// folder, or with <c>AIDEALS_TEST_PROVIDER=PostgreSql</c> a database of its own on the tests' PostgreSQL server
/// (<see cref="PostgresServer"/>), copied from a migrated template as the SQLite files are.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(string path, TimeProvider? clock, bool pooling = true)
    {
        FilePath = path;
        Provider = PostgresServer.Selected ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        ConnectionString = Provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.Database(path)) { Pooling = pooling }.ToString()
            : new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling }.ToString();
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
        {
            // Registered first: AddAiDealsCore only adds the system clock when none is there.
            services.AddSingleton(clock);
        }

        services.AddAiDealsCore(Settings);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The user that a test's set-up writes are audited as.</summary>
    public const string SetUpUser = "test-set-up";

    /// <summary>The SQLite file, or on PostgreSQL the database's name.</summary>
    public string FilePath { get; }

    /// <summary>The engine of this run (<c>AIDEALS_TEST_PROVIDER</c>).</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>Whether this run is on PostgreSQL (a test about SQLite itself checks it first).</summary>
    public static bool OnPostgreSql => PostgresServer.Selected;

    public string ConnectionString { get; }

    /// <summary>The engine and connection string, for a test that wires the app's services itself.</summary>
    public DatabaseSettings Settings => new(Provider, ConnectionString);

    public IDbContextFactory<AiDealsDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>();

    public DatabaseInitializer Initializer => _services.GetRequiredService<DatabaseInitializer>();

    public DealBookLoader Loader => _services.GetRequiredService<DealBookLoader>();

    public DealQueries Deals => _services.GetRequiredService<DealQueries>();

    public DealDetailQueries DealDetails => _services.GetRequiredService<DealDetailQueries>();

    public DealFormQueries DealForms => _services.GetRequiredService<DealFormQueries>();

    public OrganizationLookups Lookups => _services.GetRequiredService<OrganizationLookups>();

    /// <summary>The command runner, as the app's pages and endpoints use it.</summary>
    public CommandRunner Commands => _services.GetRequiredService<CommandRunner>();

    public AiDeals.Core.Features.Import.Importer Importer => _services.GetRequiredService<AiDeals.Core.Features.Import.Importer>();

    public AiDeals.Core.Features.Export.DealBookExporter Exporter => _services.GetRequiredService<AiDeals.Core.Features.Export.DealBookExporter>();

    public AiDeals.Core.Features.Intake.IntakeService Intake => _services.GetRequiredService<AiDeals.Core.Features.Intake.IntakeService>();

    public DashboardQueries Dashboard => _services.GetRequiredService<DashboardQueries>();

    public AiDeals.Core.Features.Rates.RateChanges Rates => _services.GetRequiredService<AiDeals.Core.Features.Rates.RateChanges>();

    public AiDeals.Core.Features.Rates.RateQueries RateQueries => _services.GetRequiredService<AiDeals.Core.Features.Rates.RateQueries>();

    public RecentChangesQueries RecentChanges => _services.GetRequiredService<RecentChangesQueries>();

    /// <summary>Where the runner announces saves to open pages.</summary>
    public ChangeNotifier Notifier => _services.GetRequiredService<ChangeNotifier>();

    /// <summary>An empty database at the current schema (migrated, nothing seeded).</summary>
    public static async Task<TestDatabase> CreateAsync(TimeProvider? clock = null)
    {
        var path = NewPath();
        await CopyAsync(await MigratedTemplate.Value, path);
        return new TestDatabase(path, clock);
    }

    /// <summary>A database initialized as the app starts it: migrated, WAL, and the article's deal book seeded.</summary>
    public static async Task<TestDatabase> CreateSeededAsync()
    {
        var path = NewPath();
        await CopyAsync(await SeededTemplate.Value, path);
        return new TestDatabase(path, null);
    }

    // Hundreds of tests start from the same two databases. Each is made once per test run, as before (the migrations;
    // the initializer with the deal book), and copied: a copy costs a millisecond, the migrations and the seeding
    // together about a second of CPU on every test. The templates are closed (no pooled connection, the WAL checkpointed
    // into the file) before the first copy, so a copy is the whole database.
    private static readonly Lazy<Task<string>> MigratedTemplate = new(() => MakeTemplateAsync(async database =>
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }));

    private static readonly Lazy<Task<string>> SeededTemplate = new(() => MakeTemplateAsync(
        database => database.Initializer.InitializeAsync(SeedData.DealBookPath)));

    private static async Task<string> MakeTemplateAsync(Func<TestDatabase, Task> build)
    {
        var path = NewPath();
        if (OnPostgreSql)
        {
            // A template the databases are then created from (CREATE DATABASE … TEMPLATE), dropped with the process.
            await PostgresServer.CreateDatabaseAsync(path);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresServer.DropDatabaseAsync(path).GetAwaiter().GetResult();
            var template = new TestDatabase(path, null, pooling: false);
            try
            {
                await build(template);
            }
            finally
            {
                await template._services.DisposeAsync();
            }

            return path;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        var database = new TestDatabase(path, null, pooling: false);
        try
        {
            await build(database);
        }
        finally
        {
            await database._services.DisposeAsync();
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        return path;
    }

    /// <summary>
    /// A database file not yet made, for a test whose file another process creates and writes (the app's services here
    /// only read it, and open it again as the app would); deleted afterwards like the others.
    /// </summary>
    public static TestDatabase AtNewPath() => new(NewPath(), null);

    /// <summary>
    /// A context for a test's own reads and set-up writes, audited as <see cref="SetUpUser"/> (a test that checks who
    /// saved names its user with <c>ActFor</c>).
    /// </summary>
    public async Task<AiDealsDbContext> CreateContextAsync()
    {
        var db = await Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.ActFor(SetUpUser, reason: null);
        return db;
    }

    /// <summary>
    /// An open connection of this run's engine (SQLite or PostgreSQL) to the database, for a test's raw SQL: counts,
    /// snapshots, a fault planted in a trigger. SQL in it must be portable or chosen by <see cref="Provider"/>.
    /// </summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync()
    {
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await PostgresServer.DropDatabaseAsync(FilePath);
            return;
        }

        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static async Task CopyAsync(string template, string path)
    {
        if (OnPostgreSql)
        {
            await PostgresServer.CreateDatabaseAsync(path, template);
        }
        else
        {
            File.Copy(template, path);
        }
    }

    private static string NewPath()
    {
        if (OnPostgreSql)
        {
            return PostgresServer.NewName("aideals_core");
        }

        var folder = Path.Combine(Path.GetTempPath(), "aideals-core-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
    }
}
